package io.energywatch.ingestion.formats;

import io.energywatch.contracts.QualityStatus;

/** The publishers' status words (ODRÉ, éCO2mix, GRTgaz) mapped to {@link QualityStatus}. */
final class Statuses {

    private Statuses() {
    }

    static QualityStatus of(String field, String text) {
        // The publishers' exact words first: they are on every row, and need no normalising.
        return switch (text) {
            case "Définitif" -> QualityStatus.DEFINITIVE;
            case "Consolidé" -> QualityStatus.CONSOLIDATED;
            case "Temps réel" -> QualityStatus.REAL_TIME;
            case "" -> QualityStatus.UNKNOWN;
            default -> classify(field, text);
        };
    }

    private static QualityStatus classify(String field, String text) {
        String key = Header.key(text);
        if (key.isEmpty()) {
            return QualityStatus.UNKNOWN;
        }
        if (key.contains("definiti")) {
            return QualityStatus.DEFINITIVE;
        }
        if (key.contains("consolid")) {
            return QualityStatus.CONSOLIDATED;
        }
        if (key.contains("temps_reel") || key.contains("real_time")) {
            return QualityStatus.REAL_TIME;
        }
        // GRTgaz's "Meilleur statut" is the best value known at publication: checked, not final.
        if (key.equals("meilleur_statut")) {
            return QualityStatus.CONSOLIDATED;
        }
        if (key.startsWith("estim")) {
            return QualityStatus.ESTIMATED;
        }
        throw new RecordRejected(field, field + " '" + text + "' is not Définitif, Consolidé, Temps réel or Meilleur statut");
    }
}
