import { Injectable } from '@nestjs/common';
import { ReferenceData } from '@hld/agencies';
import { UserDirectory } from './user-directory.js';
import { EmailTaken } from './identity-errors.js';

/** Demo accounts only: a known password, marked `demo` and named [DEMO] so nobody mistakes them for real users. */
export const DEMO_PASSWORD = 'demo-password-hld';
export const DEMO_DOMAIN = 'demo.hld.invalid';

@Injectable()
export class DemoUsers {
  constructor(
    private readonly users: UserDirectory,
    private readonly referenceData: ReferenceData,
  ) {}

  /** One coordinator and one focal point per agency; existing demo users are left as they are. */
  async seed(): Promise<{ created: number; existing: number }> {
    const accounts = [
      { email: `coordinator@${DEMO_DOMAIN}`, name: '[DEMO] Coordinator', role: 'coordinator' as const, agency: null },
      ...(await this.referenceData.listAgencies()).map((a) => ({
        email: `${a.code.toLowerCase()}@${DEMO_DOMAIN}`,
        name: `[DEMO] Focal point, ${a.code}`,
        role: 'focal_point' as const,
        agency: a.code,
      })),
    ];
    let created = 0;
    for (const account of accounts) {
      try {
        await this.users.create({ ...account, password: DEMO_PASSWORD, demo: true });
        created += 1;
      } catch (error) {
        if (!(error instanceof EmailTaken)) throw error;
      }
    }
    return { created, existing: accounts.length - created };
  }
}
