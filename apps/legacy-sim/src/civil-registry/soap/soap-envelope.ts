import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { MalformedSoapRequest } from './malformed-soap-request';
import type { SoapFault } from './soap-fault';

export const SOAP_ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP_CONTENT_TYPE = 'text/xml; charset=utf-8';

/** An element of a service's namespace with flat text children, e.g. an operation's response. */
export interface SoapElement {
  namespace: string;
  prefix: string;
  name: string;
  fields: Record<string, string | undefined>;
}

export interface SoapRequest {
  /** The namespace and local name of the Body's first element (document/literal wrapped). */
  operation: { namespace?: string; name: string };
  /** The operation element's children by local name. */
  fields: Record<string, string>;
}

type XmlNode = Record<string, unknown>;
type Scope = Record<string, string>;

const ATTRIBUTE_PREFIX = '@_';
const ENVELOPE_PREFIX = 'soap';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  removeNSPrefix: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  format: true,
  suppressEmptyNode: false,
});

/** Reads a SOAP 1.1 request, resolving namespace prefixes the way the sender declared them. */
export function parseSoapRequest(xml: string): SoapRequest {
  if (XMLValidator.validate(xml) !== true) throw new MalformedSoapRequest('not well-formed XML');
  const document = parser.parse(xml) as XmlNode;
  const [rootKey, root] = onlyChild(document, 'document');
  const envelopeScope = declarations({}, root);
  const envelope = resolve(rootKey, envelopeScope);
  if (envelope.name !== 'Envelope') throw new MalformedSoapRequest('root element is not Envelope');
  if (envelope.namespace !== SOAP_ENVELOPE_NAMESPACE) {
    throw new MalformedSoapRequest('not a SOAP 1.1 envelope', true);
  }
  const bodyEntry = elementEntries(root).find(([key]) => {
    const name = resolve(key, envelopeScope);
    return name.name === 'Body' && name.namespace === SOAP_ENVELOPE_NAMESPACE;
  });
  if (!bodyEntry) throw new MalformedSoapRequest('envelope has no Body');
  const bodyScope = declarations(envelopeScope, bodyEntry[1]);
  const [operationKey, operationNode] = onlyChild(asNode(bodyEntry[1]), 'Body');
  const operationScope = declarations(bodyScope, operationNode);
  const fields: Record<string, string> = {};
  for (const [key, value] of elementEntries(operationNode)) {
    const name = localName(key);
    if (!(name in fields)) fields[name] = textOf(Array.isArray(value) ? value[0] : value);
  }
  return { operation: resolve(operationKey, operationScope), fields };
}

export function renderSoapResponse(element: SoapElement): string {
  return renderEnvelope({ [qualified(element)]: fieldsOf(element) }, element);
}

export function renderSoapFault(fault: SoapFault): string {
  const body: XmlNode = {
    [`${ENVELOPE_PREFIX}:Fault`]: {
      faultcode: `${ENVELOPE_PREFIX}:${fault.code}`,
      faultstring: fault.faultString,
      ...(fault.detail ? { detail: { [qualified(fault.detail)]: fieldsOf(fault.detail) } } : {}),
    },
  };
  return renderEnvelope(body, fault.detail);
}

function renderEnvelope(body: XmlNode, element?: SoapElement): string {
  const namespaces: XmlNode = {
    [`${ATTRIBUTE_PREFIX}xmlns:${ENVELOPE_PREFIX}`]: SOAP_ENVELOPE_NAMESPACE,
  };
  if (element) namespaces[`${ATTRIBUTE_PREFIX}xmlns:${element.prefix}`] = element.namespace;
  const envelope = {
    [`${ENVELOPE_PREFIX}:Envelope`]: { ...namespaces, [`${ENVELOPE_PREFIX}:Body`]: body },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(envelope)}`;
}

function qualified(element: SoapElement): string {
  return `${element.prefix}:${element.name}`;
}

function fieldsOf(element: SoapElement): XmlNode {
  const node: XmlNode = {};
  for (const [name, value] of Object.entries(element.fields)) {
    if (value !== undefined) node[`${element.prefix}:${name}`] = value;
  }
  return node;
}

function asNode(value: unknown): XmlNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as XmlNode)
    : {};
}

function elementEntries(node: unknown): [string, unknown][] {
  return Object.entries(asNode(node)).filter(
    ([key]) => !key.startsWith(ATTRIBUTE_PREFIX) && key !== '#text',
  );
}

function onlyChild(node: unknown, where: string): [string, unknown] {
  const children = elementEntries(node);
  const first = children[0];
  if (!first) throw new MalformedSoapRequest(`${where} has no element`);
  if (Array.isArray(first[1])) throw new MalformedSoapRequest(`${where} has more than one element`);
  return first;
}

function declarations(outer: Scope, node: unknown): Scope {
  const scope: Scope = { ...outer };
  for (const [key, value] of Object.entries(asNode(node))) {
    if (!key.startsWith(ATTRIBUTE_PREFIX) || typeof value !== 'string') continue;
    const attribute = key.slice(ATTRIBUTE_PREFIX.length);
    if (attribute === 'xmlns') scope[''] = value;
    else if (attribute.startsWith('xmlns:')) scope[attribute.slice('xmlns:'.length)] = value;
  }
  return scope;
}

function resolve(key: string, scope: Scope): { namespace?: string; name: string } {
  const colon = key.indexOf(':');
  const prefix = colon >= 0 ? key.slice(0, colon) : '';
  return { namespace: scope[prefix], name: localName(key) };
}

function localName(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = asNode(value)['#text'];
  return typeof text === 'string' ? text : '';
}
