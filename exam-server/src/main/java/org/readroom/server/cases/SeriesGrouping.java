package org.readroom.server.cases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.readroom.core.dicom.deid.ConvertedImage;

/**
 * Groups converted images into studies and series by their (new) UIDs and puts each series in reading order:
 * Instance Number, then position along the stack, then UID, so the order never depends on file names.
 */
final class SeriesGrouping {

    /** One converted image and the content address of its file. */
    record StoredImage(ConvertedImage image, String sha256) {}

    record PlannedSeries(String seriesUid, List<StoredImage> images) {

        ConvertedImage first() {
            return images.get(0).image();
        }

        int frames() {
            return images.stream().mapToInt(i -> i.image().frames()).sum();
        }

        /** The image a thumbnail shows: the middle one of the stack. */
        StoredImage middle() {
            return images.get(images.size() / 2);
        }
    }

    record PlannedStudy(String studyUid, List<PlannedSeries> series) {

        ConvertedImage first() {
            return series.get(0).first();
        }

        /** The modalities of the study, sorted and joined with '\' as DICOM's Modalities in Study. */
        String modalities() {
            TreeSet<String> modalities = new TreeSet<>();
            series.forEach(s -> modalities.add(s.first().modality()));
            return String.join("\\", modalities);
        }
    }

    private static final Comparator<StoredImage> READING_ORDER = Comparator.comparingInt(
                    (StoredImage s) -> s.image().instanceNumber())
            .thenComparingDouble(s -> s.image().sliceLocation())
            .thenComparing(s -> s.image().sopInstanceUid());

    private static final Comparator<PlannedSeries> SERIES_ORDER = Comparator.comparingInt(
                    (PlannedSeries s) -> s.first().seriesNumber())
            .thenComparing(PlannedSeries::seriesUid);

    private SeriesGrouping() {}

    static List<PlannedStudy> group(List<StoredImage> images) {
        Map<String, Map<String, List<StoredImage>>> studies = new LinkedHashMap<>();
        for (StoredImage stored : images) {
            studies.computeIfAbsent(stored.image().studyUid(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(stored.image().seriesUid(), k -> new ArrayList<>())
                    .add(stored);
        }
        List<PlannedStudy> planned = new ArrayList<>();
        studies.forEach((studyUid, seriesMap) -> {
            List<PlannedSeries> series = new ArrayList<>();
            seriesMap.forEach((seriesUid, members) -> {
                List<StoredImage> ordered = new ArrayList<>(members);
                ordered.sort(READING_ORDER);
                series.add(new PlannedSeries(seriesUid, List.copyOf(ordered)));
            });
            series.sort(SERIES_ORDER);
            planned.add(new PlannedStudy(studyUid, List.copyOf(series)));
        });
        planned.sort(Comparator.comparing((PlannedStudy s) -> s.first().patientPseudonym())
                .thenComparing(s -> s.first().studyDate())
                .thenComparing(PlannedStudy::studyUid));
        return planned;
    }
}
