import { Module } from '@nestjs/common';
import { DashboardRepository } from './dashboard.repository';
import { DashboardResolver, SessionParticipationResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';

export const DASHBOARD_RESOLVERS = [DashboardResolver, SessionParticipationResolver];

/** networkDashboard: aggregate figures of the network (GROUP BY queries, no per-row loading). */
@Module({ providers: [DashboardRepository, DashboardService, ...DASHBOARD_RESOLVERS] })
export class DashboardModule {}
