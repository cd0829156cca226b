/** Names under which the REST/JSON systems record the arrival of each operation. */
export const RestOperation = {
  submit: 'submit',
  status: 'status',
  findByReference: 'findByReference',
  revise: 'revise',
  cancel: 'cancel',
} as const;

export type RestOperation = (typeof RestOperation)[keyof typeof RestOperation];
