package io.energywatch.ingestion.jobs;

/** Fixture files shared by the ingestion tests. */
public final class IngestionPipelineTestFixtures {

    private IngestionPipelineTestFixtures() {
    }

    /** A hand-written ODRÉ extract of {@code year}'s last hours: 5 valid records and one unreadable value. */
    public static byte[] odre(int year) {
        return IngestionPipelineTest.odre(year);
    }

    /** The same extract with one more half-hour at the top, as a source that published new data. */
    public static byte[] odreWithExtraRow(int year) {
        String text = new String(odre(year), java.nio.charset.StandardCharsets.UTF_8);
        int firstRow = text.indexOf('\n') + 1;
        String extra = year + "-12-31T21:30:00+00:00;31/12/" + year + ";22:30;;;;;;49123;Consolidé;;non\n";
        return (text.substring(0, firstRow) + extra + text.substring(firstRow))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
