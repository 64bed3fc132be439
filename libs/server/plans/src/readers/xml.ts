import { DOMParser } from '@xmldom/xmldom';

/** Minimal helpers over @xmldom/xmldom for OOXML parts, matching elements by local name (w:p → p). */
export type XmlElement = Element;

export class XmlSyntaxError extends Error {}

export function parseXml(source: string): XmlElement {
  const parser = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: (message: string) => {
        throw new XmlSyntaxError(message);
      },
      fatalError: (message: string) => {
        throw new XmlSyntaxError(message);
      },
    },
  });
  const root = parser.parseFromString(source, 'application/xml').documentElement;
  if (!root) throw new XmlSyntaxError('no root element');
  return root;
}

export function elements(parent: Node | undefined): XmlElement[] {
  const out: XmlElement[] = [];
  if (!parent) return out;
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) out.push(node as XmlElement);
  }
  return out;
}

export function children(parent: Node | undefined, localName: string): XmlElement[] {
  return elements(parent).filter((e) => e.localName === localName);
}

export function child(parent: Node | undefined, localName: string): XmlElement | undefined {
  return elements(parent).find((e) => e.localName === localName);
}

/** An attribute by local name (w:val → val), whatever its prefix. */
export function attr(element: XmlElement | undefined, localName: string): string | undefined {
  if (!element) return undefined;
  for (let i = 0; i < element.attributes.length; i++) {
    const a = element.attributes[i];
    if ((a.localName ?? a.name) === localName) return a.value;
  }
  return undefined;
}
