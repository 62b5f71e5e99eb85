package org.fairreg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.fairreg.data.GroupLabels;
import org.fairreg.metrics.AuditSettings;
import org.fairreg.metrics.GroupAudit;
import org.fairreg.metrics.GroupReport;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.helpers.DefaultHandler;

/** The report section shows group labels from data as text, whatever characters they hold. */
class ReportSectionTest {

    private static final String HOSTILE = "<script>alert(1)</script> & \"q\"";

    @Test
    void groupLabelsWithMarkupAreShownAsTextInTheTableAndTheChart() throws Exception {
        double[] targets = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] predictions = {1.5, 2, 2.5, 4, 5.5, 6, 6, 8.5};
        int[] codes = {0, 0, 0, 0, 1, 1, 1, 1};
        GroupLabels labels = GroupLabels.inOrder(List.of(HOSTILE, "b]]>"));
        GroupReport report = GroupReport.of(targets, predictions, codes, labels);
        GroupAudit audit = GroupAudit.of(targets, predictions, codes, labels,
                AuditSettings.defaults().withResamples(20).withPermutations(20));

        String page = Page.render("title " + HOSTILE, "lead",
                markup -> ReportSection.write(markup, "Report", "caption", report, Optional.of(audit)));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler());
        Document document = builder.parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getElementsByTagName("script").getLength()).isZero();
        NodeList cells = document.getElementsByTagName("td");
        assertThat(cells.item(0).getTextContent()).isEqualTo(HOSTILE);
        assertThat(document.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("title " + HOSTILE);
        NodeList texts = document.getElementsByTagName("text");
        boolean inChart = false;
        for (int i = 0; i < texts.getLength(); i++) {
            inChart |= texts.item(i).getTextContent().equals(HOSTILE);
        }
        assertThat(inChart).as("the label under its bar").isTrue();
        assertThat(document.getElementsByTagName("rect").getLength()).isEqualTo(3);
    }
}
