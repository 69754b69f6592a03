package org.readroom.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a tiny multi-frame 16-bit unsigned grayscale Part 10 file byte by byte (Explicit VR Little Endian), so the
 * launcher tests have a multi-frame image without touching the DICOM toolkit.
 */
final class MultiFrameFile {

    private MultiFrameFile() {}

    static Path write(Path file, int rows, int columns, short[]... frames) throws IOException {
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        String sopClass = "1.2.840.10008.5.1.4.1.1.7.3"; // Multi-frame Grayscale Word Secondary Capture
        String instance = "2.25.424242";
        element(meta, 0x0002, 0x0002, "UI", ui(sopClass));
        element(meta, 0x0002, 0x0003, "UI", ui(instance));
        element(meta, 0x0002, 0x0010, "UI", ui("1.2.840.10008.1.2.1"));

        ByteArrayOutputStream data = new ByteArrayOutputStream();
        element(data, 0x0008, 0x0016, "UI", ui(sopClass));
        element(data, 0x0008, 0x0018, "UI", ui(instance));
        element(data, 0x0008, 0x0060, "CS", text("OT"));
        element(data, 0x0028, 0x0002, "US", us(1));
        element(data, 0x0028, 0x0004, "CS", text("MONOCHROME2"));
        element(data, 0x0028, 0x0008, "IS", text(Integer.toString(frames.length)));
        element(data, 0x0028, 0x0010, "US", us(rows));
        element(data, 0x0028, 0x0011, "US", us(columns));
        element(data, 0x0028, 0x0100, "US", us(16));
        element(data, 0x0028, 0x0101, "US", us(16));
        element(data, 0x0028, 0x0102, "US", us(15));
        element(data, 0x0028, 0x0103, "US", us(0));
        ByteBuffer pixels =
                ByteBuffer.allocate(rows * columns * frames.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short[] frame : frames) {
            for (short v : frame) {
                pixels.putShort(v);
            }
        }
        element(data, 0x7FE0, 0x0010, "OW", pixels.array());

        ByteArrayOutputStream file10 = new ByteArrayOutputStream();
        file10.write(new byte[128]);
        file10.write("DICM".getBytes(StandardCharsets.US_ASCII));
        element(
                file10,
                0x0002,
                0x0000,
                "UL",
                ByteBuffer.allocate(4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(meta.size())
                        .array());
        meta.writeTo(file10);
        data.writeTo(file10);
        return Files.write(file, file10.toByteArray());
    }

    private static void element(ByteArrayOutputStream out, int group, int element, String vr, byte[] value) {
        boolean longForm = vr.equals("OW") || vr.equals("OB");
        ByteBuffer header = ByteBuffer.allocate(longForm ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) group).putShort((short) element).put(vr.getBytes(StandardCharsets.US_ASCII));
        if (longForm) {
            header.putShort((short) 0).putInt(value.length);
        } else {
            header.putShort((short) value.length);
        }
        out.writeBytes(header.array());
        out.writeBytes(value);
    }

    private static byte[] ui(String uid) {
        byte[] bytes = uid.getBytes(StandardCharsets.US_ASCII);
        return bytes.length % 2 == 0
                ? bytes
                : ByteBuffer.allocate(bytes.length + 1).put(bytes).array();
    }

    private static byte[] text(String value) {
        return (value.length() % 2 == 0 ? value : value + " ").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] us(int value) {
        return ByteBuffer.allocate(2)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) value)
                .array();
    }
}
