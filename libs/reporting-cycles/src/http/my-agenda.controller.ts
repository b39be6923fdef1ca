import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@hld/kernel';
import { Acting, Endpoint } from '@hld/http';
import { GetMyAgenda, type MyAgenda } from '../application/get-my-agenda.js';
import { MyAgendaResponse } from './my-agenda-responses.js';

@ApiTags('reporting cycles')
@Controller('me')
export class MyAgendaController {
  constructor(private readonly queries: QueryBus) {}

  @Get('agenda')
  @Endpoint({
    summary: 'What my agency has to do now: what it owes for the current cycle, overdue work, extension requests',
    ok: MyAgendaResponse,
  })
  agenda(@Acting() principal: Actor): Promise<MyAgenda> {
    return this.queries.execute(new GetMyAgenda(principal));
  }
}
