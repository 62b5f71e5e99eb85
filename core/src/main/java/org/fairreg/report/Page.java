package org.fairreg.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.fairreg.io.AtomicFiles;

/**
 * The frame every page shares: the document type, the head with its inline style sheet, a
 * heading and a line saying what was evaluated, then the page's own sections. The style sheet
 * names only fonts every system has, so the page loads nothing.
 */
final class Page {

    /** Series colours s0-s7 are the Okabe-Ito palette, told apart also by readers with colour blindness. */
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d1d1f;\
            margin:24px auto;max-width:1160px;padding:0 16px;line-height:1.4}
            h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.25em;margin:28px 0 8px;border-bottom:1px solid #ccc;\
            padding-bottom:4px}h3{font-size:1.05em;margin:16px 0 6px}
            p.lead{color:#444;margin:0 0 12px}p.note{color:#555;font-size:.9em;max-width:900px}
            p.verdict{font-weight:600}
            table{border-collapse:collapse;margin:6px 0 10px;font-size:.9em}
            th,td{padding:3px 8px;border-bottom:1px solid #e2e2e2;text-align:right;white-space:nowrap}\
            td.wrap{white-space:normal;max-width:250px}
            th{background:#f3f3f3;font-weight:600}td.text,th.text{text-align:left}\
            table.compact th{white-space:normal;max-width:84px;vertical-align:bottom}
            tr.overall td{border-top:2px solid #999;font-weight:600}tr.chosen td{background:#fff4d6}
            .columns{display:flex;flex-wrap:wrap;gap:8px 32px;align-items:flex-start}
            figure{margin:6px 0 14px;width:542px}figcaption{font-size:.9em;color:#333}
            ul.legend{list-style:none;padding:0;margin:4px 0 0;font-size:.88em;display:flex;flex-wrap:wrap;gap:4px 14px}
            span.swatch{display:inline-block;width:14px;height:4px;margin-right:5px;vertical-align:middle}
            svg.chart{background:#fff;border:1px solid #ddd}svg text{font-size:11px;fill:#333}
            svg text.title{font-size:12px;fill:#111}svg .grid{stroke:#ececec}svg .axis,svg .tick{stroke:#555}
            svg .line{fill:none;stroke-width:2}svg .whisker{stroke:#222;stroke-width:1.3}
            svg .marker{stroke:#777;stroke-dasharray:4 3}svg text.marker-label{fill:#555}
            svg .bar{fill-opacity:.8}svg circle.point{stroke-width:1}
            svg circle.hollow{fill:#fff;stroke-width:2}svg .chosen-ring{fill:none;stroke:#b8860b;stroke-width:2.5}
            svg text.chosen-label{font-weight:700;fill:#7a5a00}svg text.reference-label{fill:#555;font-style:italic}
            .dashed{stroke-dasharray:6 4}
            .s0{stroke:#0072B2;fill:#0072B2;background:#0072B2}.s1{stroke:#D55E00;fill:#D55E00;background:#D55E00}
            .s2{stroke:#009E73;fill:#009E73;background:#009E73}.s3{stroke:#CC79A7;fill:#CC79A7;background:#CC79A7}
            .s4{stroke:#E69F00;fill:#E69F00;background:#E69F00}.s5{stroke:#56B4E9;fill:#56B4E9;background:#56B4E9}
            .s6{stroke:#000000;fill:#000000;background:#000000}.s7{stroke:#999933;fill:#999933;background:#999933}
            .gray{stroke:#888;fill:#888;background:#888}
            """;

    private Page() {
    }

    /**
     * Writes a page atomically, as UTF-8.
     *
     * @param title the page's title and heading
     * @param lead one line under the heading saying what was evaluated
     * @param sections writes the sections into the body
     * @param file the file to write
     * @throws IOException if writing fails; the file is then unchanged
     */
    static void write(String title, String lead, Consumer<Markup> sections, Path file) throws IOException {
        byte[] content = render(title, lead, sections).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(content));
    }

    /**
     * @param title the page's title and heading
     * @param lead one line under the heading
     * @param sections writes the sections into the body
     * @return the whole document
     */
    static String render(String title, String lead, Consumer<Markup> sections) {
        Markup markup = new Markup();
        markup.open("html", "lang", "en");
        markup.open("head");
        markup.empty("meta", "charset", "utf-8");
        markup.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        markup.empty("meta", "name", "generator", "content", "fairreg");
        markup.element("title", title);
        markup.styleSheet(STYLE);
        markup.close();
        markup.open("body");
        markup.open("header");
        markup.element("h1", title);
        markup.element("p", lead, "class", "lead");
        markup.close();
        sections.accept(markup);
        markup.close();
        markup.close();
        return "<!DOCTYPE html>\n" + markup;
    }

    /**
     * Writes a legend as a list of colour swatches and names.
     *
     * @param markup where to write
     * @param classes each entry's series class
     * @param names each entry's name, same length
     */
    static void legend(Markup markup, List<String> classes, List<String> names) {
        markup.open("ul", "class", "legend");
        for (int i = 0; i < names.size(); i++) {
            markup.open("li");
            markup.element("span", "", "class", "swatch " + classes.get(i));
            markup.text(names.get(i));
            markup.close();
        }
        markup.close();
    }
}
