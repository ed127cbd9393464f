import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Actor, CurrentActor } from '../auth/actor';
import { Doc } from '../common/doc';
import { YearQueryDto } from '../progress/dto';
import { UnplacedMoveDto } from './dto';
import { UnplacedMove } from './unplaced-move';

/** Domain §7: graduates still unplaced after July 31, moved by their school into its floating branch. */
@Controller('orgs')
export class UnplacedMoveController {
  constructor(private readonly unplaced: UnplacedMove) {}

  @Doc({ summary: '未落实去向毕业生转入流动团员团支部：概况', description: '本校的流动团员团支部（标出本届专用的）、可转入的日期（8 月 1 日起），以及未发起接转且已填报未落实 / 未填报去向的人数。名单用 `GET /orgs/{id}/not-started?destination=`。', response: 'UnplacedMoveView', errors: [404] })
  @Get(':id/unplaced-move')
  view(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: YearQueryDto) {
    return this.unplaced.view(actor, id, query.year);
  }

  @Doc({ summary: '未落实去向毕业生转入流动团员团支部', description: '学院或学校团委在 7 月 31 日后，把所选毕业生逐个转入本校的流动团员团支部：每人一笔保留在校的接转，由同一管理员审批通过并登记台账；每人单独成功或不留痕迹。一次最多 200 人。', response: 'UnplacedMoveResult', errors: [403, 404, 409, 422], example: { branchId: 'chutian-floating', memberIds: ['m-cs2201-1'] } })
  @Post(':id/unplaced-move')
  @HttpCode(200)
  move(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UnplacedMoveDto) {
    return this.unplaced.move(actor, id, dto);
  }
}
