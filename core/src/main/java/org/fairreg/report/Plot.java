package org.fairreg.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fairreg.metrics.Interval;

/**
 * One SVG chart with a plotting area, a y axis and either a numeric or a categorical x axis,
 * written into a {@link Markup} as it is drawn: {@link #start}, then the marks, then
 * {@link #finish}. Marks take data coordinates; a value off an axis is clipped to its edge, and
 * marks with a NaN coordinate are left out. Colours come from the page's style sheet through the
 * series classes {@code s0} to {@code s7} ({@link #series(int)}).
 */
final class Plot {

    /** Chart size in CSS pixels; two fit side by side in a 1200-pixel window. */
    static final int WIDTH = 540;
    static final int HEIGHT = 320;
    private static final int LEFT = 72;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 52;
    private static final int SERIES_CLASSES = 8;
    /** Room a marker's label needs to the right of its line before it moves to the left. */
    private static final int LABEL_ROOM = 100;
    /** Estimated width of one character of an 11-pixel label, and a label's height, for placing labels. */
    private static final double CHARACTER_WIDTH = 6.4;
    private static final double LABEL_HEIGHT = 12;
    /** Tick labels longer than this switch to three significant digits in scientific form. */
    private static final int LONGEST_PLAIN_TICK = 8;

    private final Markup markup;
    private final double xLower;
    private final double xUpper;
    private final Axis y;
    private final List<Double> xTickPositions = new ArrayList<>();
    private final List<String> xTickLabels = new ArrayList<>();
    /** Boxes of the points, whiskers and labels drawn so far, which a label avoids: left, top, width, height. */
    private final List<double[]> occupied = new ArrayList<>();

    private Plot(Markup markup, double xLower, double xUpper, Axis y) {
        this.markup = markup;
        this.xLower = xLower;
        this.xUpper = xUpper;
        this.y = y;
    }

    /**
     * Starts a chart with a numeric x axis.
     *
     * @param markup where to write
     * @param x the x axis
     * @param y the y axis
     * @param description what the chart shows, for its SVG title (read by screen readers)
     * @return the chart
     */
    static Plot start(Markup markup, Axis x, Axis y, String description) {
        Plot plot = new Plot(markup, x.lower().doubleValue(), x.upper().doubleValue(), y);
        for (BigDecimal tick : x.ticks()) {
            plot.xTickPositions.add(tick.doubleValue());
            plot.xTickLabels.add(tickLabel(tick));
        }
        return plot.open(description);
    }

    /**
     * Starts a chart whose x axis holds categories at 0, 1, 2...
     *
     * @param markup where to write
     * @param categories the category labels, in order
     * @param y the y axis
     * @param description what the chart shows
     * @return the chart
     */
    static Plot startCategorical(Markup markup, List<String> categories, Axis y, String description) {
        Plot plot = new Plot(markup, -0.5, categories.size() - 0.5, y);
        for (int c = 0; c < categories.size(); c++) {
            plot.xTickPositions.add((double) c);
            plot.xTickLabels.add(categories.get(c));
        }
        return plot.open(description);
    }

    /**
     * @param index a series number, such as a group code
     * @return its CSS class, the colours repeating after eight series
     */
    static String series(int index) {
        return "s" + Math.floorMod(index, SERIES_CLASSES);
    }

    /**
     * Draws the grid, both axes with their ticks and labels, and their titles.
     *
     * @param xTitle what the x axis measures
     * @param yTitle what the y axis measures
     */
    void axes(String xTitle, String yTitle) {
        markup.open("g", "class", "axes");
        for (BigDecimal tick : y.ticks()) {
            double py = py(tick.doubleValue());
            markup.empty("line", "class", "grid", "x1", coordinate(LEFT), "y1", coordinate(py),
                    "x2", coordinate(WIDTH - RIGHT), "y2", coordinate(py));
            markup.element("text", tickLabel(tick), "x", coordinate(LEFT - 6), "y", coordinate(py + 4),
                    "text-anchor", "end");
        }
        double bottom = HEIGHT - BOTTOM;
        for (int t = 0; t < xTickPositions.size(); t++) {
            double px = px(xTickPositions.get(t));
            markup.empty("line", "class", "tick", "x1", coordinate(px), "y1", coordinate(bottom),
                    "x2", coordinate(px), "y2", coordinate(bottom + 5));
            markup.element("text", xTickLabels.get(t), "x", coordinate(px), "y", coordinate(bottom + 18),
                    "text-anchor", "middle");
        }
        markup.empty("line", "class", "axis", "x1", coordinate(LEFT), "y1", coordinate(bottom),
                "x2", coordinate(WIDTH - RIGHT), "y2", coordinate(bottom));
        markup.empty("line", "class", "axis", "x1", coordinate(LEFT), "y1", coordinate(TOP),
                "x2", coordinate(LEFT), "y2", coordinate(bottom));
        markup.element("text", xTitle, "class", "title", "x", coordinate((LEFT + WIDTH - RIGHT) / 2.0),
                "y", coordinate(HEIGHT - 12), "text-anchor", "middle");
        double middle = (TOP + bottom) / 2.0;
        markup.element("text", yTitle, "class", "title", "x", coordinate(16), "y", coordinate(middle),
                "text-anchor", "middle", "transform", "rotate(-90 16 " + coordinate(middle) + ")");
        markup.close();
    }

    /**
     * Draws a line through the points in order, broken where a coordinate is NaN.
     *
     * @param xs the x values
     * @param ys the y values, same length
     * @param cssClass the series class, and any other
     */
    void line(double[] xs, double[] ys, String cssClass) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i <= xs.length; i++) {
            boolean defined = i < xs.length && !Double.isNaN(xs[i]) && !Double.isNaN(ys[i]);
            if (defined) {
                points.append(points.length() == 0 ? "" : " ").append(coordinate(px(xs[i]))).append(',')
                        .append(coordinate(py(ys[i])));
            } else if (points.length() > 0) {
                markup.empty("polyline", "class", "line " + cssClass, "points", points.toString());
                points.setLength(0);
            }
        }
    }

    /**
     * Draws a point with a tooltip.
     *
     * @param x its x value
     * @param y its y value
     * @param radius its radius in pixels
     * @param cssClass the series class, and any other
     * @param tooltip the text a browser shows on hovering
     */
    void point(double x, double y, double radius, String cssClass, String tooltip) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return;
        }
        markup.open("circle", "class", "point " + cssClass, "cx", coordinate(px(x)), "cy", coordinate(py(y)),
                "r", coordinate(radius));
        occupied.add(new double[] {px(x) - radius, py(y) - radius, 2 * radius, 2 * radius});
        markup.element("title", tooltip);
        markup.close();
    }

    /**
     * Draws a ring around a point, to single it out among others.
     *
     * @param x the point's x value
     * @param y the point's y value
     * @param radius the ring's radius in pixels
     * @param cssClass the ring's class
     */
    void ring(double x, double y, double radius, String cssClass) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return;
        }
        markup.empty("circle", "class", cssClass, "cx", coordinate(px(x)), "cy", coordinate(py(y)),
                "r", coordinate(radius));
    }

    /**
     * Draws a bar from 0 up to a value, centred on a category.
     *
     * @param x the category position
     * @param value the bar's height in y units
     * @param cssClass the series class
     * @param tooltip the text a browser shows on hovering
     */
    void bar(double x, double value, String cssClass, String tooltip) {
        if (Double.isNaN(value)) {
            return;
        }
        double halfWidth = (px(x + 0.5) - px(x - 0.5)) * 0.3;
        double top = Math.min(py(value), py(0.0));
        double height = Math.abs(py(0.0) - py(value));
        markup.open("rect", "class", "bar " + cssClass, "x", coordinate(px(x) - halfWidth), "y", coordinate(top),
                "width", coordinate(2 * halfWidth), "height", coordinate(height));
        markup.element("title", tooltip);
        markup.close();
    }

    /**
     * Draws an interval as a vertical whisker with caps; nothing if it is undefined.
     *
     * @param x its x value
     * @param interval the interval in y units
     */
    void errorBar(double x, Interval interval) {
        if (!interval.isFinite()) {
            return;
        }
        String px = coordinate(px(x));
        String low = coordinate(py(interval.lower()));
        String high = coordinate(py(interval.upper()));
        String left = coordinate(px(x) - 6);
        String right = coordinate(px(x) + 6);
        markup.empty("line", "class", "whisker", "x1", px, "y1", low, "x2", px, "y2", high);
        markup.empty("line", "class", "whisker", "x1", left, "y1", low, "x2", right, "y2", low);
        markup.empty("line", "class", "whisker", "x1", left, "y1", high, "x2", right, "y2", high);
        double top = py(interval.upper());
        occupied.add(new double[] {px(x) - 6, top, 12, py(interval.lower()) - top});
    }

    /**
     * Draws an interval of the x value as a horizontal whisker with caps; nothing if it is undefined.
     *
     * @param y its y value
     * @param interval the interval in x units
     */
    void errorBarX(double y, Interval interval) {
        if (!interval.isFinite() || Double.isNaN(y)) {
            return;
        }
        String py = coordinate(py(y));
        String low = coordinate(px(interval.lower()));
        String high = coordinate(px(interval.upper()));
        String top = coordinate(py(y) - 6);
        String bottom = coordinate(py(y) + 6);
        markup.empty("line", "class", "whisker", "x1", low, "y1", py, "x2", high, "y2", py);
        markup.empty("line", "class", "whisker", "x1", low, "y1", top, "x2", low, "y2", bottom);
        markup.empty("line", "class", "whisker", "x1", high, "y1", top, "x2", high, "y2", bottom);
        double left = px(interval.lower());
        occupied.add(new double[] {left, py(y) - 6, px(interval.upper()) - left, 12});
    }

    /**
     * Draws a dashed vertical line across the plotting area with a label at its top or bottom,
     * on the side of the line that has room.
     *
     * @param x where
     * @param label its label
     * @param atBottom whether the label goes at the bottom, where a falling curve leaves room
     */
    void marker(double x, String label, boolean atBottom) {
        double px = px(x);
        markup.empty("line", "class", "marker", "x1", coordinate(px), "y1", coordinate(TOP), "x2", coordinate(px),
                "y2", coordinate(HEIGHT - BOTTOM));
        boolean nearRight = px > WIDTH - RIGHT - LABEL_ROOM;
        markup.element("text", label, "class", "marker-label", "x", coordinate(px + (nearRight ? -4 : 4)),
                "y", coordinate(atBottom ? HEIGHT - BOTTOM - 6 : TOP + 10), "text-anchor",
                nearRight ? "end" : "start");
    }

    /**
     * Writes a short label beside a point: above and to its right, or, where that would overlap a
     * point or label already drawn or leave the chart, below it or to its left.
     *
     * @param x the point's x value
     * @param y the point's y value
     * @param text the label
     * @param cssClass its class
     */
    void label(double x, double y, String text, String cssClass) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return;
        }
        double width = text.length() * CHARACTER_WIDTH;
        double[][] offsets = {{8, -6}, {8, 14}, {-8 - width, -6}, {-8 - width, 14}, {8, -18}, {-8 - width, 26}};
        double[] box = null;
        for (double[] offset : offsets) {
            double[] candidate = {px(x) + offset[0], py(y) + offset[1] - LABEL_HEIGHT + 2, width, LABEL_HEIGHT};
            boolean inside = candidate[0] >= LEFT && candidate[0] + width <= WIDTH - RIGHT && candidate[1] >= 0;
            if (inside && occupied.stream().noneMatch(placed -> overlap(placed, candidate))) {
                box = candidate;
                break;
            }
        }
        if (box == null) {
            box = new double[] {px(x) + offsets[0][0], py(y) + offsets[0][1] - LABEL_HEIGHT + 2, width, LABEL_HEIGHT};
        }
        occupied.add(box);
        markup.element("text", text, "class", cssClass, "x", coordinate(box[0]),
                "y", coordinate(box[1] + LABEL_HEIGHT - 2));
    }

    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }

    /** Ends the chart. */
    void finish() {
        markup.close();
    }

    private Plot open(String description) {
        markup.open("svg", "class", "chart", "width", Integer.toString(WIDTH), "height", Integer.toString(HEIGHT),
                "viewBox", "0 0 " + WIDTH + " " + HEIGHT, "role", "img");
        markup.element("title", description);
        return this;
    }

    private double px(double x) {
        double fraction = clip((x - xLower) / (xUpper - xLower));
        return LEFT + fraction * (WIDTH - LEFT - RIGHT);
    }

    private double py(double value) {
        return HEIGHT - BOTTOM - clip(y.fraction(value)) * (HEIGHT - BOTTOM - TOP);
    }

    private static double clip(double fraction) {
        return Math.max(0.0, Math.min(1.0, fraction));
    }

    /** Pixels with one decimal, enough for any screen and stable across platforms. */
    private static String coordinate(double pixels) {
        return String.format(Locale.ROOT, "%.1f", pixels);
    }

    private static String tickLabel(BigDecimal tick) {
        String plain = tick.toPlainString();
        return plain.length() <= LONGEST_PLAIN_TICK ? plain : String.format(Locale.ROOT, "%.3g", tick.doubleValue());
    }
}
