package org.readroom.server.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * pydicom (Debian's python3-pydicom) as an independent second reader in tests: it reads the originals' identifying
 * values (ReadRoom's own code must not be the judge of its own de-identification) and checks that the files the
 * import wrote are standard Part 10 files another toolkit reads. It also provides the real test files.
 */
final class Pydicom {

    static final Path TEST_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final String SCRIPT =
            """
            import json, sys
            import pydicom
            from pydicom.tag import Tag
            KEYWORDS = ["PatientName", "PatientID", "PatientBirthDate", "OtherPatientIDs", "StudyDate", "SeriesDate",
                        "AcquisitionDate", "ContentDate", "InstitutionName", "InstitutionAddress",
                        "ReferringPhysicianName", "OperatorsName", "PerformingPhysicianName", "AccessionNumber",
                        "StationName", "DeviceSerialNumber", "StudyInstanceUID", "SeriesInstanceUID",
                        "SOPInstanceUID", "FrameOfReferenceUID", "Rows", "Columns", "SamplesPerPixel",
                        "NumberOfFrames", "BitsAllocated", "BitsStored", "HighBit", "PixelRepresentation",
                        "PhotometricInterpretation", "BurnedInAnnotation", "PatientIdentityRemoved",
                        "DeidentificationMethod"]
            for name in sys.stdin.read().splitlines():
                facts = {"file": name}
                try:
                    ds = pydicom.dcmread(name, force=True)
                    for keyword in KEYWORDS:
                        value = ds.get(keyword)
                        if value is not None:
                            facts[keyword] = str(value)
                    meta = getattr(ds, "file_meta", None)
                    facts["TransferSyntaxUID"] = str(meta.TransferSyntaxUID) if meta is not None and "TransferSyntaxUID" in meta else ""
                    facts["MediaStorageSOPInstanceUID"] = str(meta.get("MediaStorageSOPInstanceUID", "")) if meta is not None else ""
                    facts["privateTags"] = sum(1 for element in ds.iterall() if element.tag.is_private)
                    facts["pixelBytes"] = len(ds.PixelData) if "PixelData" in ds else -1
                except Exception as e:
                    facts["error"] = str(e)
                print(json.dumps(facts))
            """;

    private Pydicom() {}

    static void requireInstalled() {
        assertTrue(
                Files.isDirectory(TEST_FILES) && Files.isExecutable(PYTHON),
                "python3-pydicom is missing: install the Debian package python3-pydicom");
    }

    /** What pydicom reads from each file, by the path given. */
    static Map<Path, JsonNode> facts(List<Path> files) throws IOException, InterruptedException {
        requireInstalled();
        Path script = Files.createTempFile("readroom-facts", ".py");
        try {
            Files.writeString(script, SCRIPT);
            Process process = new ProcessBuilder(PYTHON.toString(), script.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            StringBuilder names = new StringBuilder();
            files.forEach(file -> names.append(file).append('\n'));
            process.getOutputStream().write(names.toString().getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "pydicom took too long");
            assertEquals(0, process.exitValue(), "pydicom failed");
            ObjectMapper json = new ObjectMapper();
            Map<Path, JsonNode> facts = new LinkedHashMap<>();
            for (String line : output.lines().toList()) {
                JsonNode node = json.readTree(line);
                facts.put(Path.of(node.get("file").asText()), node);
            }
            return facts;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** Runs a pydicom script with {@code arguments} (e.g. to write a test input); fails the test when it fails. */
    static void run(String script, String... arguments) throws IOException, InterruptedException {
        requireInstalled();
        Path file = Files.createTempFile("readroom-pydicom", ".py");
        try {
            Files.writeString(file, script);
            List<String> command = new ArrayList<>(List.of(PYTHON.toString(), file.toString()));
            command.addAll(List.of(arguments));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "pydicom took too long");
            assertEquals(0, process.exitValue(), "pydicom failed: " + output);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static String text(JsonNode facts, String keyword) {
        JsonNode value = facts.get(keyword);
        return value == null ? "" : value.asText().strip();
    }

    /** Every regular file below {@code folder}. */
    static List<Path> filesBelow(Path folder) throws IOException {
        try (var walk = Files.walk(folder)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
        }
    }
}
