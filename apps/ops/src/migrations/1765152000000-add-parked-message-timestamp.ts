import { AddParkedMessageTimestamp } from '@mpp/kafka';

/** Parked flow and registry records are told apart by their Kafka timestamp too. */
export class AddParkedMessageTimestamp1765152000000 extends AddParkedMessageTimestamp {
  name = 'AddParkedMessageTimestamp1765152000000';
}
