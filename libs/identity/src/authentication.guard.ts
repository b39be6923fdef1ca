import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Authentication } from './authentication.js';
import { BrowserSessions } from './browser-sessions.js';
import { assertCsrfHeader, sessionSecretOf } from './session-cookie.js';
import { PUBLIC_ROUTE } from '@hld/http';
import { AuthenticationRequired } from './identity-errors.js';
import type { Principal } from './principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/**
 * The one place a request gets its principal: `Authorization: Bearer <access token | API token>`, or the web
 * app's session cookie (with the CSRF header on anything but GET, HEAD and OPTIONS). Public routes
 * (`@Endpoint({ public: true })`) pass without one; every other route answers 401 without a valid credential.
 * What the principal may do is asked of the grant tables afterwards (`@Performs`, then the handler). The
 * principal becomes the actor recorded on events (never the request body).
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly authentication: Authentication,
    private readonly browserSessions: BrowserSessions,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets);
    let principal: Principal;
    if (header) {
      const [scheme, token] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) throw new AuthenticationRequired('Send Authorization: Bearer <token>.');
      principal = await this.authentication.authenticate(token);
    } else {
      if (isPublic) return true;
      // the web app's session cookie: a browser sends it by itself, so a change also needs the CSRF header
      const secret = sessionSecretOf(request);
      if (!secret) throw new AuthenticationRequired();
      assertCsrfHeader(request);
      principal = await this.browserSessions.authenticate(secret);
    }
    request.principal = principal;
    request.actor = { id: principal.id, role: principal.role, agency: principal.agency };
    return true;
  }
}
