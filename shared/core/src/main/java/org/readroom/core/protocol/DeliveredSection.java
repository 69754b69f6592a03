package org.readroom.core.protocol;

import org.readroom.core.text.LocalizedText;

/**
 * The section a delivered question is in, as the kiosk needs it: the title, the time limit in minutes (null: none
 * beyond the paper's), whether the candidate can come back once they move on ({@code irreversible}), whether the
 * candidates' order keeps the authoring order ({@code keepOrder}) and how many questions it holds. Sections keep their
 * order for every candidate; questions are shuffled within their section only.
 */
public record DeliveredSection(
        String id, LocalizedText title, Integer timeLimitMinutes, boolean irreversible, boolean keepOrder, int size) {}
