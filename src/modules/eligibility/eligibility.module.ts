import { Module } from '@nestjs/common';

/** Placeholder: controllers and services are added by the feature's implementation. */
@Module({})
export class EligibilityModule {}
