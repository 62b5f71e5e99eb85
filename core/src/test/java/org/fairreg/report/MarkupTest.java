package org.fairreg.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Markup escapes text from data and keeps the document well-formed. */
class MarkupTest {

    @Test
    void escapeTurnsMarkupCharactersIntoEntities() {
        assertThat(Markup.escape("<b>a & \"b\" 'c'</b>"))
                .isEqualTo("&lt;b&gt;a &amp; &quot;b&quot; &#39;c&#39;&lt;/b&gt;");
    }

    @Test
    void escapeReplacesCharactersXmlForbidsAndKeepsPairedSurrogates() {
        String label = "a\u0000b\u001Bc\uD800d\tе😀";

        assertThat(Markup.escape(label)).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\tе😀");
    }

    @Test
    void attributesAreQuotedAndEscapedAndNullValuesLeftOut() {
        String markup = new Markup().element("td", "x<y", "title", "\"quoted\" & more", "class", null).toString();

        assertThat(markup).isEqualTo("<td title=\"&quot;quoted&quot; &amp; more\">x&lt;y</td>");
    }

    @Test
    void aDocumentWithAnOpenElementIsRefused() {
        Markup markup = new Markup().open("section");

        assertThatThrownBy(markup::toString).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("section");
    }

    /** HTML5 reads {@code <span/>} as an opening tag, which would swallow the rest of the page. */
    @Test
    void selfClosingIsRefusedForElementsHtmlMustClose() {
        assertThatThrownBy(() -> new Markup().empty("span")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("span");
        assertThat(new Markup().empty("circle", "r", "2").toString()).isEqualTo("<circle r=\"2\"/>\n");
    }

    @Test
    void aStyleSheetThatHtmlAndXmlWouldReadDifferentlyIsRefused() {
        assertThatThrownBy(() -> new Markup().styleSheet("a::after{content:'&'}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("css");
        assertThat(new Markup().styleSheet("p>b{font-family:\"A B\"}").toString())
                .isEqualTo("<style>p>b{font-family:\"A B\"}</style>\n");
    }
}
