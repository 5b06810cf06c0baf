package vn.gov.moit.hotline.telephony;

import java.util.List;

/** What a parser made of one file: the hotline calls it found, and the lines it could not use. */
record BackfillRead(int linesRead, List<Found> calls, List<BackfillSummary.Skipped> skipped) {

    /** A call and the first line of the file that belongs to it. */
    record Found(int line, BackfilledCall call) {
    }
}
