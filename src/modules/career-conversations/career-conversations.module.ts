import { Module } from '@nestjs/common';
import { CareerConversationsController } from './career-conversations.controller';
import { CareerConversationsService } from './career-conversations.service';

/** Career conversations (at least twice a year; see conversation-due.rule). */
@Module({
  controllers: [CareerConversationsController],
  providers: [CareerConversationsService],
  exports: [CareerConversationsService],
})
export class CareerConversationsModule {}
