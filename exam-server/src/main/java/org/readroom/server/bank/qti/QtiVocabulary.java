package org.readroom.server.bank.qti;

/**
 * The names ReadRoom uses inside QTI: the response identifiers, the response-processing templates, and the
 * {@code readroom-*} classes and {@code data-readroom-*} attributes that carry what QTI has no place for (see
 * docs/bank-qti.md). Other QTI systems ignore them; ReadRoom's import reads them back.
 */
final class QtiVocabulary {

    private QtiVocabulary() {}

    static final String RESPONSE = "RESPONSE";
    static final String FINDINGS = "FINDINGS";
    static final String IMPRESSION = "IMPRESSION";
    static final String SCORE = "SCORE";
    static final String MAXSCORE = "MAXSCORE";

    static final String TEMPLATES = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/";
    static final String MAP_RESPONSE = TEMPLATES + "map_response.xml";
    static final String MAP_RESPONSE_POINT = TEMPLATES + "map_response_point.xml";

    static final String ITEM_RESOURCE = "imsqti_item_xmlv3p0";
    static final String STIMULUS_RESOURCE = "imsqti_stimulus_xmlv3p0";
    static final String WEB_CONTENT = "webcontent";

    // classes
    static final String ITEM = "readroom-item";
    static final String CLUSTER = "readroom-cluster";
    static final String STEM = "readroom-stem";
    static final String OPTION_TEXT = "readroom-text";
    static final String UNIT = "readroom-unit";
    static final String TEACHING_POINTS = "readroom-teaching-points";
    static final String TEACHING_POINT = "readroom-teaching-point";
    static final String MODEL_ANSWER = "readroom-model-answer";
    static final String MODEL_FINDINGS = "readroom-model-findings";
    static final String MODEL_IMPRESSION = "readroom-model-impression";
    static final String RUBRIC = "readroom-rubric";
    static final String IMAGES = "readroom-images";

    // data attributes
    static final String ID = "data-readroom-id";
    static final String TYPE = "data-readroom-type";
    static final String TOPIC = "data-readroom-topic";
    static final String DIFFICULTY = "data-readroom-difficulty";
    static final String SERIES = "data-readroom-series";
    static final String FRAME = "data-readroom-frame";
    static final String POINT = "data-readroom-point";
    static final String MARKS = "data-readroom-marks";
    static final String LOCKS = "data-readroom-locks-once-answered";
    static final String TEACHING_JSON = "data-readroom-teaching-points";
    static final String KEEP_PUNCTUATION = "data-readroom-keep-punctuation";
    static final String IGNORE_SPACES = "data-readroom-ignore-spaces";
    static final String SYNONYMS = "data-readroom-synonyms";
}
