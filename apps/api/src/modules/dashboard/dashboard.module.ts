import { Module } from '@nestjs/common';
import { DashboardRepository } from './dashboard.repository';
import { DashboardResolver, SessionParticipationResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';

/** networkDashboard: aggregate figures of the network (GROUP BY queries, no per-row loading). */
@Module({
  providers: [DashboardRepository, DashboardService, DashboardResolver, SessionParticipationResolver],
})
export class DashboardModule {}
