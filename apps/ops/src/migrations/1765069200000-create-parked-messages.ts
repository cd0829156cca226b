import { CreateParkedMessageTable } from '@mpp/kafka';

/** Flow records and registry records ops could not use, with why. */
export class CreateParkedMessages1765069200000 extends CreateParkedMessageTable {
  name = 'CreateParkedMessages1765069200000';
}
