package org.fairreg.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DecimalCells#parseDecimal} against {@link Double#parseDouble}, bit for bit, on many
 * seeded random decimal texts and on the hard cases of correct rounding: 17 to 19 and more
 * significant digits, texts a hair from the midpoint between two doubles, subnormals, and the
 * ends of the exponent range. Also checks that the grammar accepts exactly what the
 * documentation of {@link CsvDataReader} says, so a faster converter cannot widen it.
 */
class DecimalCellsTest {

    private static final long SEED = 20_240_611L;

    /** Random texts per cheap property; enough to meet every branch of the converter many times. */
    private static final int TEXTS = 50_000;

    /** Doubles written with {@code String.format}, which is slow. */
    private static final int FORMATTED = 10_000;

    /** Pairs of neighbouring doubles; a midpoint among subnormals has hundreds of digits. */
    private static final int MIDPOINTS = 1_000;

    /** The documented grammar, written independently of the scanner it checks. */
    private static final Pattern PLAIN_DECIMAL =
            Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private final Random random = new Random(SEED);

    @Test
    void parseDecimalEqualsParseDoubleOnRandomDecimalTexts() {
        for (int t = 0; t < TEXTS; t++) {
            StringBuilder text = new StringBuilder();
            text.append(pick("", "", "-", "+"));
            int integerDigits = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(22);
            appendDigits(text, integerDigits);
            if (integerDigits == 0 || random.nextBoolean()) {
                text.append('.');
                appendDigits(text, (integerDigits == 0 ? 1 : 0) + random.nextInt(22));
            }
            if (random.nextBoolean()) {
                text.append(pick("e", "E")).append(pick("", "+", "-")).append(random.nextInt(700));
            }
            assertSameAsParseDouble(text.toString());
        }
    }

    @Test
    void parseDecimalEqualsParseDoubleOnDoublesWrittenWith16To20Digits() {
        for (int t = 0; t < FORMATTED; t++) {
            double value = randomDouble();
            assertSameAsParseDouble(Double.toString(value));
            int fractionDigits = 15 + random.nextInt(5);
            assertSameAsParseDouble(String.format(Locale.ROOT, "%." + fractionDigits + "e", value));
        }
    }

    /**
     * Texts at, just below and just above the exact midpoint between two neighbouring doubles,
     * cut to 17 to 40 significant digits: the cases where a converter that is not correctly
     * rounded picks the wrong neighbour.
     */
    @Test
    void parseDecimalEqualsParseDoubleNearMidpointsBetweenDoubles() {
        for (int t = 0; t < MIDPOINTS; t++) {
            double value = Math.abs(randomDouble());
            double next = Math.nextUp(value);
            if (Double.isInfinite(next)) {
                continue;
            }
            BigDecimal midpoint = new BigDecimal(value).add(new BigDecimal(next)).divide(BigDecimal.valueOf(2));
            assertSameAsParseDouble(midpoint.toString());
            for (int digits : new int[] {17, 18, 19, 20, 25, 40}) {
                assertSameAsParseDouble(midpoint.round(new MathContext(digits, RoundingMode.DOWN)).toString());
                assertSameAsParseDouble(midpoint.round(new MathContext(digits, RoundingMode.UP)).toString());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
        "179769313486231580793728971405301e276", "-1.7976931348623157E+308", "1e308", "1e309",
        "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
        "2.225073858507201136057409796709131975934819546351645648e-308",
        "4.9e-324", "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
        "2.47032822920623272088e-324", "1e-324", "3e-324", "-4.9e-324", "1e-400",
        "1e99999999999999999999", "-1e99999999999999999999", "0e99999999999999999999", "1e-99999999999999999999",
        "0.000000000000000000000000000000000000000000000000001e51", "100000000000000000000000e-23",
        "9007199254740993", "9007199254740992.5", "9007199254740993.0000000000000000001",
        "18446744073709551615", "18446744073709551616", "99999999999999999999", "0.1", "-0", "-0.0e-5", ".0"})
    void parseDecimalEqualsParseDoubleAtTheEndsOfTheRange(String text) {
        assertSameAsParseDouble(text);
    }

    @Test
    void parseDecimalEqualsParseDoubleOnLongTexts() {
        String ninesAfterPoint = "0." + "9".repeat(2_000) + "e-300";
        String digitsThenZeros = "1" + "0".repeat(400) + "e-400";
        String midpointOfSmallestSubnormals = new BigDecimal(Double.MIN_VALUE).divide(BigDecimal.valueOf(2))
                .toPlainString() + "0000000000000000000000000000001";

        assertSameAsParseDouble(ninesAfterPoint);
        assertSameAsParseDouble(digitsThenZeros);
        assertSameAsParseDouble(midpointOfSmallestSubnormals);
    }

    /** Random short texts over the characters of numbers and their near misses. */
    @Test
    void parseDecimalAcceptsExactlyThePlainDecimalGrammar() {
        String alphabet = "0123456789+-.eE xXpPfFdDaNIny_\t";
        for (int t = 0; t < TEXTS; t++) {
            int length = random.nextInt(9);
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < length; c++) {
                // Digits half of the time, so that valid numbers are common among the texts.
                text.append(random.nextBoolean()
                        ? (char) ('0' + random.nextInt(10))
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String cell = text.toString();
            if (PLAIN_DECIMAL.matcher(cell).matches()) {
                assertSameAsParseDouble(cell);
            } else {
                assertThat(DecimalCells.parseDecimal(cell)).as("'%s' is not plain decimal", cell).isNaN();
            }
        }
    }

    private void assertSameAsParseDouble(String text) {
        long expected = Double.doubleToRawLongBits(Double.parseDouble(text));
        long actual = Double.doubleToRawLongBits(DecimalCells.parseDecimal(text));
        assertThat(actual).as("bits of '%s' (seed %d)", text, SEED).isEqualTo(expected);
    }

    /** A finite double: any bit pattern, a subnormal, or one of the largest, a third of the time each. */
    private double randomDouble() {
        long sign = random.nextBoolean() ? Long.MIN_VALUE : 0L;
        long mantissa = random.nextLong() & 0x000F_FFFF_FFFF_FFFFL;
        long exponent;
        switch (random.nextInt(3)) {
            case 0 -> exponent = 0;
            case 1 -> exponent = 0x7FE - random.nextInt(8);
            default -> exponent = random.nextInt(0x7FF);
        }
        return Double.longBitsToDouble(sign | exponent << 52 | mantissa);
    }

    private void appendDigits(StringBuilder text, int count) {
        for (int d = 0; d < count; d++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
