/**
 * A strict XML parser for tests (saxes throws on anything malformed), building a small element tree.
 */
import { SaxesParser } from "saxes"

export interface XmlElement {
  readonly name: string
  readonly attributes: Record<string, string>
  readonly children: Array<XmlElement>
  text: string
}

export const parseXml = (xml: string): XmlElement => {
  const parser = new SaxesParser()
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" }
  const stack: Array<XmlElement> = [root]
  parser.on("error", (error) => {
    throw error
  })
  parser.on("opentag", (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      children: [],
      text: ""
    }
    stack[stack.length - 1]!.children.push(element)
    stack.push(element)
  })
  parser.on("text", (text) => {
    stack[stack.length - 1]!.text += text
  })
  parser.on("closetag", () => {
    stack.pop()
  })
  parser.write(xml).close()
  return root.children[0]!
}
