package io.energywatch.ingestion.formats;

/** One data line split into cells, with its 1-based line number and its raw text for rejections. */
record Row(long line, String raw, String[] cells, Header header) {

    String cell(int index) {
        return index < 0 ? "" : cells[index].trim();
    }

    String name(int index) {
        return header.names().get(index);
    }

    boolean blank(int index) {
        return cell(index).isEmpty();
    }
}
