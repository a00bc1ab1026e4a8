declare module "xml-writer" {
  export default class XMLWriter {
    constructor(indent?: boolean);
    startDocument(version?: string, encoding?: string): this;
    endDocument(): this;
    startElement(name: string): this;
    endElement(): this;
    writeAttribute(name: string, value: string): this;
    writeElement(name: string, content: string): this;
    text(content: string): this;
    toString(): string;
  }
}
