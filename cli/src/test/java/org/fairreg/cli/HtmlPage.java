package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A page of {@code --report-html}, parsed as XML and checked: well-formed (the JDK's parser
 * refuses anything else), UTF-8, an HTML5 document type, no script, and no reference to anything
 * outside the file: no web address anywhere, no URL scheme in an attribute, every {@code href} or
 * {@code src} a fragment, no {@code url(...)} in styles.
 */
final class HtmlPage {

    /** Elements that load or run something; a self-contained page needs none. */
    private static final List<String> FORBIDDEN_ELEMENTS = List.of("script", "link", "img", "iframe", "object",
            "embed", "image", "use", "foreignObject", "base", "audio", "video", "source");
    private static final Pattern URL_FUNCTION = Pattern.compile("url\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME = Pattern.compile("\\b(https?|ftp|file|data|javascript):",
            Pattern.CASE_INSENSITIVE);

    private final String text;
    private final Document document;

    private HtmlPage(String text, Document document) {
        this.text = text;
        this.document = document;
    }

    /**
     * Reads and checks a page.
     *
     * @param file the page
     * @return the parsed page
     */
    static HtmlPage read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).as("document type").startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            document = builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | ParserConfigurationException notWellFormed) {
            throw new AssertionError(file + " is not well-formed XML: " + notWellFormed.getMessage(), notWellFormed);
        }
        HtmlPage page = new HtmlPage(text, document);
        page.assertSelfContained();
        return page;
    }

    private void assertSelfContained() {
        assertThat(text.toLowerCase(Locale.ROOT)).as("web addresses").doesNotContain("http:", "https:");
        assertThat(text).as("protocol-relative references").doesNotContain("\"//", "'//", "(//");
        assertThat(URL_FUNCTION.matcher(text).find()).as("url() in a style").isFalse();
        assertThat(document.getElementsByTagName("meta").item(0).getAttributes().getNamedItem("charset")
                .getNodeValue()).isEqualTo("utf-8");
        for (String name : FORBIDDEN_ELEMENTS) {
            assertThat(document.getElementsByTagName(name).getLength()).as("<%s> elements", name).isZero();
        }
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attributes = all.item(i).getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                Node attribute = attributes.item(a);
                String name = attribute.getNodeName();
                assertThat(name.startsWith("on")).as("event handler %s", name).isFalse();
                assertThat(attribute.getNodeValue()).as("URL scheme in %s", name).doesNotContainPattern(SCHEME);
                if (name.endsWith("href") || name.equals("src")) {
                    assertThat(attribute.getNodeValue()).as(name).startsWith("#");
                }
            }
        }
    }

    /** @return the page's text, as written */
    String text() {
        return text;
    }

    /**
     * @param id an element id
     * @return the element
     */
    Element byId(String id) {
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (id.equals(element.getAttribute("id"))) {
                return element;
            }
        }
        throw new AssertionError("no element with id '" + id + "'");
    }

    /**
     * @param tableId the id of a table
     * @return the text of each cell of each body row, headers of rows included
     */
    List<List<String>> rows(String tableId) {
        Element table = byId(tableId);
        Element body = (Element) table.getElementsByTagName("tbody").item(0);
        NodeList rows = body.getElementsByTagName("tr");
        List<List<String>> cells = new ArrayList<>();
        for (int r = 0; r < rows.getLength(); r++) {
            List<String> row = new ArrayList<>();
            NodeList children = rows.item(r).getChildNodes();
            for (int c = 0; c < children.getLength(); c++) {
                if (children.item(c) instanceof Element cell) {
                    row.add(cell.getTextContent());
                }
            }
            cells.add(row);
        }
        return cells;
    }

    /**
     * @param tableId the id of a table with a head row
     * @return the head row's texts
     */
    List<String> heads(String tableId) {
        Element head = (Element) byId(tableId).getElementsByTagName("thead").item(0);
        NodeList cells = head.getElementsByTagName("th");
        List<String> heads = new ArrayList<>();
        for (int c = 0; c < cells.getLength(); c++) {
            heads.add(cells.item(c).getTextContent());
        }
        return heads;
    }

    /**
     * @param elementId the id of an element
     * @param name a descendant element name
     * @param cssClass a class the descendants must have, or null for any
     * @return how many descendants of that name and class the element has
     */
    int count(String elementId, String name, String cssClass) {
        NodeList found = byId(elementId).getElementsByTagName(name);
        int count = 0;
        for (int i = 0; i < found.getLength(); i++) {
            String classes = ((Element) found.item(i)).getAttribute("class");
            if (cssClass == null || List.of(classes.split(" ")).contains(cssClass)) {
                count++;
            }
        }
        return count;
    }

    /**
     * @param interval a cell such as {@code [1.5, 2.25]}
     * @return its two bounds
     */
    static double[] bounds(String interval) {
        Matcher matcher = Pattern.compile("\\[(\\S+), (\\S+)]").matcher(interval);
        assertThat(matcher.matches()).as("interval cell '%s'", interval).isTrue();
        return new double[] {Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2))};
    }
}
