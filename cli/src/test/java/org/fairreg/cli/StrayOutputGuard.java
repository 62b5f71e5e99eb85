package org.fairreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Fails a test that lets anything reach {@code System.out} or {@code System.err}: the command's
 * own streams are captured by {@link Fairreg#run}, so console output means the command or the
 * library printed around them (a stray {@code println}, a log line at WARN or above). The streams
 * are swapped for the whole class, so that {@code @BeforeAll} set-ups are covered too.
 */
final class StrayOutputGuard implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private static final Namespace NAMESPACE = Namespace.create(StrayOutputGuard.class);

    private record Swap(PrintStream out, PrintStream err, ByteArrayOutputStream captured) {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capturing = new PrintStream(captured, true, StandardCharsets.UTF_8);
        context.getStore(NAMESPACE).put(Swap.class, new Swap(System.out, System.err, captured));
        System.setOut(capturing);
        System.setErr(capturing);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // Stores are looked up through the parents, up to the class that swapped the streams.
        Swap swap = context.getStore(NAMESPACE).get(Swap.class, Swap.class);
        String stray = swap.captured().toString(StandardCharsets.UTF_8);
        swap.captured().reset();
        assertThat(stray).as("output that bypassed the command's captured streams").isEmpty();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Swap swap = context.getStore(NAMESPACE).remove(Swap.class, Swap.class);
        System.setOut(swap.out());
        System.setErr(swap.err());
        assertThat(swap.captured().toString(StandardCharsets.UTF_8))
                .as("output that bypassed the command's captured streams outside tests").isEmpty();
    }
}
