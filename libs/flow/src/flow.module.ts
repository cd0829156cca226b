import { DynamicModule, Module } from '@nestjs/common';
import { FLOW_COMPONENT, type FlowComponent } from './flow-component';
import { FlowRecorder } from './flow-recorder';

/** Gives a component its FlowRecorder; needs its KafkaModule and MetricsModule (both global). */
@Module({})
export class FlowModule {
  static forComponent(component: FlowComponent): DynamicModule {
    return {
      module: FlowModule,
      global: true,
      providers: [{ provide: FLOW_COMPONENT, useValue: component }, FlowRecorder],
      exports: [FlowRecorder],
    };
  }
}
