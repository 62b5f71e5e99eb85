package org.fairreg.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One engine's figures over several rounds of the benchmark (one JVM per engine and round).
 *
 * <p>The representative round is the one with the median of the rounds' median epoch times (the
 * lower of the two middle ones for an even count); its figures stand for the engine. The extremes
 * of single epochs and of peak memory are taken over all rounds, the peak being the largest, so
 * the memory figure is never flattered by a lucky round.
 *
 * @param representative the round whose median epoch time is the median over rounds
 * @param rounds the number of rounds
 * @param lowestMedianMs the smallest median epoch time of a round
 * @param highestMedianMs the largest median epoch time of a round
 * @param minMs the shortest epoch after the warm-up in any round
 * @param maxMs the longest epoch after the warm-up in any round
 * @param peakMib the largest peak resident set of a round
 */
record EngineSummary(
        RecipeResult representative,
        int rounds,
        double lowestMedianMs,
        double highestMedianMs,
        double minMs,
        double maxMs,
        double peakMib) {

    /** @return the engine's label */
    String label() {
        return representative.label();
    }

    /** @return the representative median epoch time, in milliseconds */
    double medianMs() {
        return representative.medianMs();
    }

    /**
     * Groups results by label, in order of first appearance, and summarizes each group.
     *
     * @param results every round of every engine
     * @return one summary per label
     */
    static List<EngineSummary> of(List<RecipeResult> results) {
        Map<String, List<RecipeResult>> byLabel = new LinkedHashMap<>();
        for (RecipeResult r : results) {
            byLabel.computeIfAbsent(r.label(), label -> new ArrayList<>()).add(r);
        }
        List<EngineSummary> summaries = new ArrayList<>();
        for (List<RecipeResult> rounds : byLabel.values()) {
            List<RecipeResult> sorted = new ArrayList<>(rounds);
            sorted.sort(Comparator.comparingDouble(RecipeResult::medianMs));
            summaries.add(new EngineSummary(sorted.get((sorted.size() - 1) / 2), sorted.size(),
                    sorted.get(0).medianMs(), sorted.get(sorted.size() - 1).medianMs(),
                    rounds.stream().mapToDouble(RecipeResult::minMs).min().orElseThrow(),
                    rounds.stream().mapToDouble(RecipeResult::maxMs).max().orElseThrow(),
                    rounds.stream().mapToDouble(RecipeResult::peakMib).max().orElseThrow()));
        }
        return summaries;
    }
}
