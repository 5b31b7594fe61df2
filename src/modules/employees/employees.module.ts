import { Module } from '@nestjs/common';
import { EmployeesController } from './employees.controller';
import { EmployeesService } from './employees.service';
import { ExamListsController } from './exam-lists.controller';
import { ExamListsService } from './exam-lists.service';

@Module({
  controllers: [EmployeesController, ExamListsController],
  providers: [EmployeesService, ExamListsService],
  exports: [EmployeesService],
})
export class EmployeesModule {}
