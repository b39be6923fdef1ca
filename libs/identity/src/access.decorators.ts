import { applyDecorators, Header } from '@nestjs/common';

/** For answers that carry credentials: no cache, shared or private, may keep them (RFC 6749 §5.1). */
export const NoStore = () => applyDecorators(Header('Cache-Control', 'no-store'), Header('Pragma', 'no-cache'));
