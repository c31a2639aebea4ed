package com.example.uploads.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/** The few statistics {@link Perf} prints. */
final class Stats {
    private Stats() {
    }

    static List<Double> sorted(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    /** The {@code p}-th percentile (0 to 100), interpolated between the closest ranks. */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = sorted(values);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        double rank = p / 100 * (sorted.size() - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (rank - low);
    }

    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    static double iqr(List<Double> values) {
        return percentile(values, 75) - percentile(values, 25);
    }

    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /**
     * Half the width of the confidence interval of the mean at {@code confidence} (Student's t, as JMH computes
     * its error); NaN for fewer than two values.
     */
    static double meanError(List<Double> values, double confidence) {
        int n = values.size();
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double deviation = Math.sqrt(squares / (n - 1));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return t * deviation / Math.sqrt(n);
    }

    /** A distribution-free confidence interval of a median, from order statistics (the sign test). */
    record Interval(double low, double high, double confidence) {
    }

    /**
     * The narrowest interval between order statistics that covers the median with at least 95% confidence, or
     * null when there are too few values (fewer than 6).
     */
    static Interval medianInterval(List<Double> values) {
        List<Double> sorted = sorted(values);
        int n = sorted.size();
        Interval best = null;
        for (int k = 1; k <= n / 2; k++) {
            // The median lies outside [x(k), x(n+1-k)] with probability 2 P(Binomial(n, 1/2) <= k-1).
            double outside = 2 * binomialCdf(k - 1, n);
            if (outside <= 0.05) {
                best = new Interval(sorted.get(k - 1), sorted.get(n - k), 1 - outside);
            } else {
                break;
            }
        }
        return best;
    }

    private static double binomialCdf(int k, int n) {
        double sum = 0;
        double term = Math.pow(0.5, n);
        for (int i = 0; i <= k; i++) {
            sum += term;
            term = term * (n - i) / (i + 1);
        }
        return sum;
    }
}
