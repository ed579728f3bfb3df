package io.energywatch.ingestion.formats;

import io.energywatch.service.csv.Delimited;

import java.util.HashMap;

/**
 * Any delimited file of consumption, read through the upload's {@link ColumnMapping}. The delimiter is the one of
 * ',', ';', tab and '|' that splits the header into the most columns; ',' decimals are accepted in ';' files only.
 */
final class GenericCsvParser extends CsvParser {

    @Override
    public SourceFormat format() {
        return SourceFormat.GENERIC_CSV;
    }

    @Override
    char delimiter(String headerLine, ParseContext context) {
        return Delimited.guess(headerLine);
    }

    @Override
    Reading begin(Header header, ParseContext context, LocalTimeline out) {
        var records = new GenericRecords(format(), context, out, header.delimiter() == ';');
        var positions = new HashMap<String, Integer>();
        for (String column : records.requiredColumns()) {
            int i = header.names().indexOf(column);
            if (i < 0) {
                throw new UnreadableUploadException("the column mapping names column '" + column
                        + "' but the header (split on " + Delimited.describe(header.delimiter()) + ") has only "
                        + header.names());
            }
            positions.put(column, i);
        }
        return row -> records.read(row.line(), row.raw(), column -> row.cell(positions.getOrDefault(column, -1)));
    }
}
