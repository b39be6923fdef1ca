import { Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import { IdempotencyStore } from './idempotency.store.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';
import { RequestValidationFailed } from './request-validation-failed.js';

/** What every request goes through: input validation, idempotency, problem+json errors. (Who acts: identity.) */
@Module({
  providers: [
    IdempotencyStore,
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true, // unknown fields are an error, not silently dropped
        transform: true,
        stopAtFirstError: false,
        exceptionFactory: (errors) => RequestValidationFailed.fromValidationErrors(errors),
      }),
    },
  ],
  exports: [IdempotencyStore],
})
export class HttpEdgeModule {}
