import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config';
import type { ResolvedAppConfig } from '../config/app-config';

/** Makes the resolved configuration injectable as APP_CONFIG everywhere. */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config: ResolvedAppConfig): DynamicModule {
    return {
      module: AppConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
