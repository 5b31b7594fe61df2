import { Module } from '@nestjs/common';
import { ImportLimits, ImportUploadInterceptor } from './import-upload.interceptor';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  controllers: [ImportsController],
  providers: [ImportsService, ImportLimits, ImportUploadInterceptor],
  exports: [ImportsService, ImportLimits],
})
export class ImportsModule {}
