package org.readroom.server.cases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes small Explicit VR Little Endian Part 10 files byte by byte, for the cases no real test file covers
 * (a Burned In Annotation flag, an ultrasound without one). Independent of the toolkit under test.
 */
final class TinyDicom {

    private record Element(String vr, byte[] value) {}

    private final Map<Integer, Element> elements = new TreeMap<>(Integer::compareUnsigned);

    /** A 4×4 16-bit MONOCHROME2 image with a patient, a study date and UIDs under {@code uidRoot}. */
    static TinyDicom image(String modality, String patientName, String patientId, String uidRoot) {
        TinyDicom file = new TinyDicom();
        file.text(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.7"); // Secondary Capture
        file.text(0x00080018, "UI", uidRoot + ".3");
        file.text(0x00080020, "DA", "20170607");
        file.text(0x00080060, "CS", modality);
        file.text(0x00080080, "LO", "Tiny General Hospital");
        file.text(0x00100010, "PN", patientName);
        file.text(0x00100020, "LO", patientId);
        file.text(0x00100030, "DA", "19510203");
        file.text(0x0020000D, "UI", uidRoot + ".1");
        file.text(0x0020000E, "UI", uidRoot + ".2");
        file.us(0x00280002, 1);
        file.text(0x00280004, "CS", "MONOCHROME2");
        file.us(0x00280010, 4);
        file.us(0x00280011, 4);
        file.us(0x00280100, 16);
        file.us(0x00280101, 16);
        file.us(0x00280102, 15);
        file.us(0x00280103, 0);
        ByteBuffer pixels = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 16; i++) {
            pixels.putShort((short) (i * 1000));
        }
        file.elements.put(0x7FE00010, new Element("OW", pixels.array()));
        return file;
    }

    TinyDicom text(int tag, String vr, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length % 2 == 1) {
            byte[] padded = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, padded, 0, bytes.length);
            padded[bytes.length] = (byte) (vr.equals("UI") ? 0 : ' ');
            bytes = padded;
        }
        elements.put(tag, new Element(vr, bytes));
        return this;
    }

    TinyDicom us(int tag, int value) {
        elements.put(tag, new Element("US", new byte[] {(byte) value, (byte) (value >>> 8)}));
        return this;
    }

    void write(Path file) throws IOException {
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        element(meta, 0x00020001, new Element("OB", new byte[] {0, 1}));
        element(meta, 0x00020002, elements.get(0x00080016));
        element(meta, 0x00020003, elements.get(0x00080018));
        element(meta, 0x00020010, new Element("UI", "1.2.840.10008.1.2.1\0".getBytes(StandardCharsets.US_ASCII)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[128]);
        out.write("DICM".getBytes(StandardCharsets.US_ASCII));
        byte[] metaBytes = meta.toByteArray();
        element(
                out,
                0x00020000,
                new Element(
                        "UL",
                        ByteBuffer.allocate(4)
                                .order(ByteOrder.LITTLE_ENDIAN)
                                .putInt(metaBytes.length)
                                .array()));
        out.write(metaBytes);
        for (Map.Entry<Integer, Element> entry : elements.entrySet()) {
            element(out, entry.getKey(), entry.getValue());
        }
        Files.write(file, out.toByteArray());
    }

    private static void element(ByteArrayOutputStream out, int tag, Element element) {
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) (tag >>> 16)).putShort((short) tag);
        header.put(element.vr().getBytes(StandardCharsets.US_ASCII));
        boolean longForm = element.vr().equals("OB") || element.vr().equals("OW");
        if (longForm) {
            header.putShort((short) 0).putInt(element.value().length);
        } else {
            header.putShort((short) element.value().length);
        }
        out.write(header.array(), 0, header.position());
        out.write(element.value(), 0, element.value().length);
    }
}
