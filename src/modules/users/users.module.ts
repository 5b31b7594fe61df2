import { Module } from '@nestjs/common';
import { UsersController } from './users.controller';
import { InitialAdminService } from './initial-admin.service';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersService, InitialAdminService],
  exports: [UsersService, InitialAdminService],
})
export class UsersModule {}
