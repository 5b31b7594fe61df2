import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { ResolvedAppConfig } from './config/app-config';
import { AppConfigModule } from './common/config.module';
import { ProblemDetailsFilter } from './common/errors/problem-details.filter';
import { HostileInputGuard } from './common/http/hostile-input.guard';
import { createValidationPipe } from './common/http/validation';
import { loggerParams } from './common/logging';
import { buildDataSourceOptions } from './database/data-source-options';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { ClassificationsModule } from './modules/classifications/classifications.module';
import { DemoDataModule } from './modules/demo-data/demo-data.module';
import { DepartmentsModule } from './modules/departments/departments.module';
import { EligibilityModule } from './modules/eligibility/eligibility.module';
import { HealthModule } from './modules/health/health.module';
import { ImportsModule } from './modules/imports/imports.module';
import { EmployeesModule } from './modules/employees/employees.module';
import { AppointmentsModule } from './modules/appointments/appointments.module';
import { ApplicationsModule } from './modules/applications/applications.module';
import { CareerPlansModule } from './modules/career-plans/career-plans.module';
import { CareerConversationsModule } from './modules/career-conversations/career-conversations.module';
import { TrainingModule } from './modules/training/training.module';
import { TdAssignmentsModule } from './modules/td-assignments/td-assignments.module';
import { GoalsModule } from './modules/goals/goals.module';
import { ReportsModule } from './modules/reports/reports.module';

import { UsersModule } from './modules/users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: ResolvedAppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config.logLevel)),
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions(config.databaseUrl),
          migrationsRun: true,
        }),
        HealthModule,
        AuditModule,
        AuthModule,
        UsersModule,
        DepartmentsModule,
        ClassificationsModule,
        EmployeesModule,
        AppointmentsModule,
        ApplicationsModule,
        CareerPlansModule,
        CareerConversationsModule,
        TrainingModule,
        TdAssignmentsModule,
        GoalsModule,
        EligibilityModule,
        DemoDataModule,
        ReportsModule,
        ImportsModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        // Before the access guard and every route guard: see HostileInputGuard.
        { provide: APP_GUARD, useClass: HostileInputGuard },
      ],
    };
  }
}
