import { Injectable, NotFoundException, PipeTransform } from '@nestjs/common';
import { isSimulatedSystem, SimulatedSystem } from '../simulated-systems';

/** Resolves the `:system` path segment of the control API; unknown systems are 404. */
@Injectable()
export class SimulatedSystemPipe implements PipeTransform<string, SimulatedSystem> {
  transform(value: string): SimulatedSystem {
    if (!isSimulatedSystem(value)) throw new NotFoundException(`no simulated system ${value}`);
    return value;
  }
}
