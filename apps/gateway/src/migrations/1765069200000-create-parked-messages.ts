import { CreateParkedMessageTable } from '@mpp/kafka';

/** Status events and registry records the gateway could not use, with why. */
export class CreateParkedMessages1765069200000 extends CreateParkedMessageTable {
  name = 'CreateParkedMessages1765069200000';
}
