/** Who records: the component's name (`gateway`, `adapter-<agency>`, `ops`) and instance id. */
export interface FlowComponent {
  name: string;
  instance: string;
}

export const FLOW_COMPONENT = Symbol('FLOW_COMPONENT');
