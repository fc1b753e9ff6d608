<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ExportPage</name>
    <message>
        <location filename="../ui/exportpage.cpp" line="+109"/>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Macro-F1</source>
        <translation>Macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balanced accuracy</source>
        <translation>Balanced Accuracy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matthews correlation</source>
        <translation>Matthews-Korrelation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log loss</source>
        <translation>Log Loss</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROC AUC</source>
        <translation>ROC AUC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROC AUC (one-vs-rest, macro)</source>
        <translation>ROC AUC (One-vs-Rest, Makro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy, 95 % lower bound</source>
        <translation>Accuracy, untere 95-%-Grenze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy, 95 % upper bound</source>
        <translation>Accuracy, obere 95-%-Grenze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Macro-F1, 95 % lower bound</source>
        <translation>Macro-F1, untere 95-%-Grenze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Macro-F1, 95 % upper bound</source>
        <translation>Macro-F1, obere 95-%-Grenze</translation>
    </message>
</context>
<context>
    <name>QCustomPlot</name>
    <message>
        <location filename="../ui/charts.cpp" line="+75"/>
        <location line="+48"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Text length (characters)</source>
        <translation>Textlänge (Zeichen)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/evalexport.cpp" line="+94"/>
        <source>cannot export to %1: unknown format &quot;%2&quot; (use .csv or .json)</source>
        <translation>Export nach %1 nicht möglich: unbekanntes Format „%2“ (.csv oder .json verwenden)</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+3"/>
        <source>cannot export to %1: %2</source>
        <translation>Export nach %1 nicht möglich: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+17"/>
        <location line="+8"/>
        <source>Save plot</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Save this plot as PNG, SVG or PDF</source>
        <translation>Dieses Diagramm als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-Grafik (*.svg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as %1…</source>
        <translation>Als %1 speichern…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export this table as CSV or JSON</source>
        <translation>Diese Tabelle als CSV oder JSON exportieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export as %1…</source>
        <translation>Als %1 exportieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON file (*.json)</source>
        <translation>JSON-Datei (*.json)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy selected cells</source>
        <translation>Ausgewählte Zellen kopieren</translation>
    </message>
    <message>
        <location filename="../ui/evaluatepage.cpp" line="+71"/>
        <source>undefined</source>
        <translation>nicht definiert</translation>
    </message>
    <message>
        <location line="+108"/>
        <location filename="../ui/exportpage.cpp" line="-50"/>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/exportpage.cpp" line="+2"/>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/exportpage.cpp" line="+2"/>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../ui/exportpage.cpp" line="+8"/>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>training</source>
        <translation>im Training</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/exportpage.cpp" line="+4"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/exportpage.cpp" line="+2"/>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/exportpage.cpp" line="+4"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/exportpage.cpp" line="+2"/>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Macro-F1</source>
        <translation>Macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROC AUC</source>
        <translation>ROC AUC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log loss</source>
        <translation>Log Loss</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Majority class</source>
        <translation>Mehrheitsklasse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TF-IDF + logistic regression</source>
        <translation>TF-IDF + logistische Regression</translation>
    </message>
    <message>
        <location filename="../ui/exportpage.cpp" line="-10"/>
        <source>still training</source>
        <translation>noch im Training</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>stopped early</source>
        <translation>vorzeitig gestoppt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>validation loss</source>
        <translation>Validierungs-Loss</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation accuracy</source>
        <translation>Validierungs-Accuracy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation macro-F1</source>
        <translation>Validierungs-Macro-F1</translation>
    </message>
</context>
<context>
    <name>ft::plots</name>
    <message>
        <location filename="../ui/plots/evalplots.cpp" line="+158"/>
        <location line="+16"/>
        <source>micro average</source>
        <translation>Mikro-Mittel</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>macro average</source>
        <translation>Makro-Mittel</translation>
    </message>
    <message>
        <location line="+251"/>
        <source>Majority class</source>
        <translation>Mehrheitsklasse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TF-IDF + logistic regression</source>
        <translation>TF-IDF + logistische Regression</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Confusion matrix — share of each true class</source>
        <translation>Konfusionsmatrix — Anteil jeder wahren Klasse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confusion matrix — rows</source>
        <translation>Konfusionsmatrix — Zeilen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This evaluation has no confusion matrix.</source>
        <translation>Diese Evaluierung hat keine Konfusionsmatrix.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Share of the true class</source>
        <translation>Anteil der wahren Klasse</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+312"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="-291"/>
        <source>Predicted label</source>
        <translation>Vorhergesagtes Label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True label</source>
        <translation>Wahres Label</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>ROC curve — %1 against %2</source>
        <translation>ROC-Kurve — %1 gegen %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROC curves — each class against the rest</source>
        <translation>ROC-Kurven — jede Klasse gegen den Rest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>False positive rate</source>
        <translation>Falsch-Positiv-Rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True positive rate</source>
        <translation>Richtig-Positiv-Rate</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The ROC curve is undefined: only one class occurs in the truth.</source>
        <translation>Die ROC-Kurve ist nicht definiert: In den wahren Labels kommt nur eine Klasse vor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This evaluation stored no probabilities: ROC curves need them.</source>
        <translation>Diese Evaluierung hat keine Wahrscheinlichkeiten gespeichert: ROC-Kurven brauchen sie.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Dashed: a classifier that guesses (AUC 0.5).</source>
        <translation>Gestrichelt: ein Klassifikator, der rät (AUC 0,5).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dashed grey: chance. Micro pools every one-vs-rest decision; macro averages the classes (its AUC is the mean class AUC).</source>
        <translation>Grau gestrichelt: Zufall. Mikro fasst alle One-vs-Rest-Entscheidungen zusammen; Makro mittelt über die Klassen (seine AUC ist der Mittelwert der Klassen-AUCs).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Per class</source>
        <translation>Pro Klasse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No evaluation is shown.</source>
        <translation>Keine Evaluierung angezeigt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+62"/>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+60"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No curve to show: tick runs whose evaluation stored probabilities.</source>
        <translation>Keine Kurve: Haken Sie Läufe an, deren Evaluierung Wahrscheinlichkeiten gespeichert hat.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Precision-recall curve — %1</source>
        <translation>Precision-Recall-Kurve — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precision-recall curves — each class against the rest</source>
        <translation>Precision-Recall-Kurven — jede Klasse gegen den Rest</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No class has a positive row: precision-recall is undefined.</source>
        <translation>Keine Klasse hat eine positive Zeile: Precision-Recall ist nicht definiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This evaluation stored no probabilities: PR curves need them.</source>
        <translation>Diese Evaluierung hat keine Wahrscheinlichkeiten gespeichert: PR-Kurven brauchen sie.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>chance (%1)</source>
        <translation>Zufall (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>AP: average precision, the step-wise area under the curve.</source>
        <translation>AP: Average Precision, die stufenweise Fläche unter der Kurve.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reliability diagram — ECE %1, MCE %2</source>
        <translation>Reliabilitätsdiagramm — ECE %1, MCE %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reliability diagram</source>
        <translation>Reliabilitätsdiagramm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This evaluation stored no probabilities: calibration needs them.</source>
        <translation>Diese Evaluierung hat keine Wahrscheinlichkeiten gespeichert: Die Kalibrierung braucht sie.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>accuracy in the bin</source>
        <translation>Accuracy im Bin</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>mean confidence → accuracy</source>
        <translation>mittlere Konfidenz → Accuracy</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>perfect calibration</source>
        <translation>perfekte Kalibrierung</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+87"/>
        <location line="+85"/>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <location line="-170"/>
        <source>Confidence (highest probability)</source>
        <translation>Konfidenz (höchste Wahrscheinlichkeit)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The model against simple baselines</source>
        <translation>Das Modell im Vergleich mit einfachen Baselines</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No baselines were computed for this evaluation.</source>
        <translation>Für diese Evaluierung wurden keine Baselines berechnet.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Fine-tuned model</source>
        <translation>Feinabgestimmtes Modell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> · McNemar p %1</source>
        <translation> · McNemar p %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+85"/>
        <source>Macro-F1</source>
        <translation>Macro-F1</translation>
    </message>
    <message>
        <location line="-81"/>
        <location line="+150"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Error bars: the model&apos;s 95 % bootstrap interval. McNemar&apos;s test compares the model with each baseline on the same rows.</source>
        <translation>Fehlerbalken: das 95-%-Bootstrap-Intervall des Modells. Der McNemar-Test vergleicht das Modell mit jeder Baseline auf denselben Zeilen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>McNemar&apos;s test compares the model with each baseline on the same rows.</source>
        <translation>Der McNemar-Test vergleicht das Modell mit jeder Baseline auf denselben Zeilen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Where the model is weak and how brittle it is</source>
        <translation>Wo das Modell schwach ist und wie robust es ist</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>By text length</source>
        <translation>Nach Textlänge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By true class</source>
        <translation>Nach wahrer Klasse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perturbed inputs (change)</source>
        <translation>Veränderte Eingaben (Änderung)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No sensitivity analysis was run for this evaluation.</source>
        <translation>Für diese Evaluierung wurde keine Sensitivitätsanalyse durchgeführt.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>%1
%2 changed</source>
        <translation>%1
%2 geändert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1
%2 rows</source>
        <translation>%1
%2 Zeilen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Change against the original</source>
        <translation>Änderung gegenüber dem Original</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No prediction changed.</source>
        <translation>Keine Vorhersage hat sich geändert.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>By class: accuracy is the class&apos;s recall and Macro-F1 its F1. Perturbations: the score on changed inputs minus the score on the originals (negative = worse).</source>
        <translation>Nach Klasse: Accuracy ist der Recall der Klasse und Macro-F1 ihr F1. Veränderungen: der Score auf veränderten Eingaben minus der Score auf den Originalen (negativ = schlechter).</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>cannot save %1: unknown format &quot;%2&quot; (use .png, .svg or .pdf)</source>
        <translation>%1 kann nicht gespeichert werden: unbekanntes Format „%2“ (.png, .svg oder .pdf verwenden)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot save %1: the folder %2 does not exist</source>
        <translation>%1 kann nicht gespeichert werden: Der Ordner %2 existiert nicht</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+20"/>
        <location line="+24"/>
        <source>cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>cannot save %1: the PDF could not be written</source>
        <translation>%1 kann nicht gespeichert werden: Das PDF konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot save %1: renaming %2 failed</source>
        <translation>%1 kann nicht gespeichert werden: Umbenennen von %2 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cannot save %1: the image could not be encoded</source>
        <translation>%1 kann nicht gespeichert werden: Das Bild konnte nicht kodiert werden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot save %1: the SVG could not be started</source>
        <translation>%1 kann nicht gespeichert werden: Das SVG konnte nicht begonnen werden</translation>
    </message>
</context>
<context>
    <name>ft::ui::AboutDialog</name>
    <message>
        <location filename="../ui/aboutdialog.cpp" line="+68"/>
        <source>About Finetune Studio</source>
        <translation>Über Finetune Studio</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;h2&gt;Finetune Studio %1&lt;/h2&gt;&lt;p&gt;Fine-tune pre-trained language models on your labelled text without writing code: prepare the data, pick a model, train, evaluate and export.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Finetune Studio %1&lt;/h2&gt;&lt;p&gt;Fine-Tuning vortrainierter Sprachmodelle auf Ihren gelabelten Texten, ohne Code zu schreiben: Daten vorbereiten, Modell wählen, trainieren, evaluieren und exportieren.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Licensed under the GNU General Public License, version 3 or later (it links QCustomPlot, GPL v3). Built on Qt (LGPL v3), LibTorch (BSD-3-Clause), SQLite (public domain) and nlohmann/json (MIT).</source>
        <translation>Lizenziert unter der GNU General Public License, Version 3 oder später (es bindet QCustomPlot ein, GPL v3). Basiert auf Qt (LGPL v3), LibTorch (BSD-3-Clause), SQLite (gemeinfrei) und nlohmann/json (MIT).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>For bug reports:</source>
        <translation>Für Fehlerberichte:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the versions above to the clipboard, to paste into a bug report</source>
        <translation>Die obigen Versionen in die Zwischenablage kopieren, um sie in einen Fehlerbericht einzufügen</translation>
    </message>
</context>
<context>
    <name>ft::ui::CleaningPanel</name>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="+39"/>
        <source>Normalize Unicode and whitespace</source>
        <translation>Unicode und Leerraum normalisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NFC or NFKC normal form; runs of spaces, tabs and newlines become one space</source>
        <translation>Normalform NFC oder NFKC; Folgen von Leerzeichen, Tabs und Zeilenumbrüchen werden zu einem Leerzeichen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unescape HTML entities</source>
        <translation>HTML-Entitäten auflösen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;amp; → &amp;, &amp;lt; → &lt;, &amp;#39; → &apos;</source>
        <translation>&amp;amp; → &amp;, &amp;lt; → &lt;, &amp;#39; → &apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strip URLs</source>
        <translation>URLs entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removes http://…, https://… and www.… links</source>
        <translation>Entfernt Links wie http://…, https://… und www.…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strip e-mail addresses</source>
        <translation>E-Mail-Adressen entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removes name@example.com</source>
        <translation>Entfernt name@example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expand contractions</source>
        <translation>Kontraktionen auflösen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English: don&apos;t → do not, I&apos;m → I am</source>
        <translation>Englisch: don&apos;t → do not, I&apos;m → I am</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lowercase</source>
        <translation>Kleinschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only for uncased models; cased models use the capitals</source>
        <translation>Nur für Uncased-Modelle; Cased-Modelle nutzen die Großbuchstaben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove special characters</source>
        <translation>Sonderzeichen entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Symbols and control characters</source>
        <translation>Symbole und Steuerzeichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove punctuation</source>
        <translation>Satzzeichen entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usually hurts transformer models</source>
        <translation>Schadet Transformer-Modellen meist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove stop words</source>
        <translation>Stoppwörter entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words such as &apos;the&apos;, &apos;and&apos;, &apos;is&apos; (editable list); usually hurts transformer models</source>
        <translation>Wörter wie „the“, „and“, „is“ (Liste bearbeitbar); schadet Transformer-Modellen meist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drop empty rows</source>
        <translation>Leere Zeilen verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows with no text left after the steps above</source>
        <translation>Zeilen, in denen nach den obigen Schritten kein Text übrig ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop duplicates</source>
        <translation>Duplikate verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeps the first of identical texts (before and after cleaning); duplicates with different labels are listed in the report</source>
        <translation>Behält den ersten von identischen Texten (vor und nach der Bereinigung); Duplikate mit unterschiedlichen Labels stehen im Bericht</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Edit stop words…</source>
        <translation>Stoppwörter bearbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommended</source>
        <translation>Empfohlen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply cleaning</source>
        <translation>Bereinigung anwenden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Transformer models usually do best on raw text: their tokenizers handle case, punctuation and stop words. Clean only what is noise (URLs, HTML, duplicates).</source>
        <translation>Transformer-Modelle schneiden auf Rohtext meist am besten ab: Ihre Tokenizer kommen mit Groß-/Kleinschreibung, Satzzeichen und Stoppwörtern zurecht. Bereinigen Sie nur, was Rauschen ist (URLs, HTML, Duplikate).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>NFKC (compatibility: ﬁ → fi, ² → 2)</source>
        <translation>NFKC (Kompatibilität: ﬁ → fi, ² → 2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NFC (canonical only)</source>
        <translation>NFC (nur kanonisch)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HTML entities, empty rows and duplicates only</source>
        <translation>Nur HTML-Entitäten, leere Zeilen und Duplikate</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clean every row of the dataset with the checked steps. The raw text is kept, so you can clean again with other steps.</source>
        <translation>Jede Zeile des Datensatzes mit den angehakten Schritten bereinigen. Der Rohtext bleibt erhalten, Sie können also später mit anderen Schritten neu bereinigen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unicode form:</source>
        <translation>Unicode-Form:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Steps, in the order they run</source>
        <translation>Schritte, in der Reihenfolge ihrer Ausführung</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Duplicate text</source>
        <translation>Doppelter Text</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The preview failed: %1</source>
        <translation>Die Vorschau ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cleaning failed; the dataset is unchanged. %1</source>
        <translation>Bereinigung fehlgeschlagen; der Datensatz ist unverändert. %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cleaning cancelled; nothing changed.</source>
        <translation>Bereinigung abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The dataset was cleaned with the checked steps. Apply again to clean with other steps (from the raw text).</source>
        <translation>Der Datensatz wurde mit den angehakten Schritten bereinigt. Wenden Sie die Bereinigung erneut an, um mit anderen Schritten (ausgehend vom Rohtext) zu bereinigen.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Stop words</source>
        <translation>Stoppwörter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One word per line. Matching ignores case.</source>
        <translation>Ein Wort pro Zeile. Groß-/Kleinschreibung wird ignoriert.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Built-in list</source>
        <translation>Eingebaute Liste</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Computing the preview…</source>
        <translation>Vorschau wird berechnet…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(dropped)</source>
        <translation>(verworfen)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>First %1 rows: %2 changed (highlighted), %3 dropped (struck through).</source>
        <translation>Erste %1 Zeilen: %2 geändert (hervorgehoben), %3 verworfen (durchgestrichen).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cleaning…</source>
        <translation>Bereinigung läuft…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;Cleaned %1 rows:&lt;/b&gt; %2 changed, %3 dropped as empty, %4 dropped as duplicates.</source>
        <translation>&lt;b&gt;%1 Zeilen bereinigt:&lt;/b&gt; %2 geändert, %3 als leer verworfen, %4 als Duplikate verworfen.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n group(s) of duplicates disagree on the label (listed below): the first row of each was kept.</source>
        <translation>
            <numerusform>%n Duplikatgruppe hat widersprüchliche Labels (unten aufgeführt): Die erste Zeile wurde behalten.</numerusform>
            <numerusform>%n Duplikatgruppen haben widersprüchliche Labels (unten aufgeführt): Jeweils die erste Zeile wurde behalten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ft::ui::ConfusionView</name>
    <message>
        <location filename="../ui/confusionview.cpp" line="+27"/>
        <source>Counts</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many rows fall in each cell</source>
        <translation>Wie viele Zeilen in jede Zelle fallen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row-normalized</source>
        <translation>Zeilennormiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each row divided by its total: the share of a true class that went to each prediction (the diagonal is the recall)</source>
        <translation>Jede Zeile durch ihre Summe geteilt: der Anteil einer wahren Klasse, der auf jede Vorhersage entfällt (die Diagonale ist der Recall)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Click a cell to list its rows.</source>
        <translation>Klicken Sie auf eine Zelle, um ihre Zeilen aufzulisten.</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>True &lt;b&gt;%1&lt;/b&gt;, predicted &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;%3 of %4 rows (%5 %)</source>
        <translation>Wahr &lt;b&gt;%1&lt;/b&gt;, vorhergesagt &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;%3 von %4 Zeilen (%5 %)</translation>
    </message>
</context>
<context>
    <name>ft::ui::DataPage</name>
    <message>
        <location filename="../ui/datapage.cpp" line="+64"/>
        <source>&amp;Import Data…</source>
        <translation>Daten &amp;importieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo Label Change</source>
        <translation>Label-Änderung &amp;rückgängig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dataset:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import CSV, TSV, JSON or text files into a dataset</source>
        <translation>CSV-, TSV-, JSON- oder Textdateien in einen Datensatz importieren</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search text…</source>
        <translation>Text suchen…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Clean</source>
        <translation>Bereinigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split</source>
        <translation>Aufteilen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This project has no data yet</source>
        <translation>Dieses Projekt hat noch keine Daten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import a CSV, TSV, JSON or JSON Lines file, or lines of &quot;label TAB text&quot;.
Several files can go into one dataset.</source>
        <translation>Importieren Sie eine CSV-, TSV-, JSON- oder JSON-Lines-Datei oder Zeilen im Format „Label TAB Text“.
Mehrere Dateien können in einen Datensatz eingehen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import data…</source>
        <translation>Daten importieren…</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Imported %1 rows.</source>
        <translation>%1 Zeilen importiert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Imported %1: %2 rows, %3 unlabelled, %4 skipped</source>
        <translation>%1 importiert: %2 Zeilen, %3 ohne Label, %4 übersprungen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data could not be imported; the dataset is unchanged.</source>
        <translation>Die Daten konnten nicht importiert werden; der Datensatz ist unverändert.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Double-click a label to rename it everywhere in the dataset</source>
        <translation>Doppelklicken Sie auf ein Label, um es im ganzen Datensatz umzubenennen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add label…</source>
        <translation>Label hinzufügen…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Label distribution</source>
        <translation>Label-Verteilung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text length</source>
        <translation>Textlänge</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>No labels yet</source>
        <translation>Noch keine Labels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No rows yet</source>
        <translation>Noch keine Zeilen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All rows</source>
        <translation>Alle Zeilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labelled</source>
        <translation>Gelabelt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlabelled</source>
        <translation>Ohne Label</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Label: %1</source>
        <translation>Label: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Part: train</source>
        <translation>Teil: Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Part: validation</source>
        <translation>Teil: Validierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Part: test</source>
        <translation>Teil: Test</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No labels yet: double-click a cell in the Label column and type one, or use “Add label…” in the Overview.</source>
        <translation>Noch keine Labels: Doppelklicken Sie auf eine Zelle der Spalte „Label“ und geben Sie eines ein, oder verwenden Sie „Label hinzufügen…“ in der Übersicht.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Label keys: %1 &amp;nbsp;·&amp;nbsp; &lt;b&gt;0&lt;/b&gt; clears &amp;nbsp;·&amp;nbsp; &lt;b&gt;N&lt;/b&gt; next unlabelled &amp;nbsp;·&amp;nbsp; &lt;b&gt;Ctrl+Z&lt;/b&gt; undo</source>
        <translation>Label-Tasten: %1 &amp;nbsp;·&amp;nbsp; &lt;b&gt;0&lt;/b&gt; löscht &amp;nbsp;·&amp;nbsp; &lt;b&gt;N&lt;/b&gt; nächste ohne Label &amp;nbsp;·&amp;nbsp; &lt;b&gt;Strg+Z&lt;/b&gt; rückgängig</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;b&gt;%1&lt;/b&gt; rows &amp;nbsp;·&amp;nbsp; %2 labelled &amp;nbsp;·&amp;nbsp; %3 unlabelled</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; Zeilen &amp;nbsp;·&amp;nbsp; %2 gelabelt &amp;nbsp;·&amp;nbsp; %3 ohne Label</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> &amp;nbsp;·&amp;nbsp; %1 dropped by cleaning</source>
        <translation> &amp;nbsp;·&amp;nbsp; %1 durch Bereinigung verworfen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Text length: %1–%2 characters, mean %3, median %4</source>
        <translation>Textlänge: %1–%2 Zeichen, Mittelwert %3, Median %4</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No labels yet — label rows in the table</source>
        <translation>Noch keine Labels — labeln Sie Zeilen in der Tabelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No rows kept</source>
        <translation>Keine Zeilen behalten</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rename label</source>
        <translation>Label umbenennen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name for “%1” (an existing name merges the two labels):</source>
        <translation>Neuer Name für „%1“ (ein vorhandener Name führt die beiden Labels zusammen):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Renamed label %1 to %2.</source>
        <translation>Label %1 in %2 umbenannt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add label</source>
        <translation>Label hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label name:</source>
        <translation>Label-Name:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No label change to undo.</source>
        <translation>Keine Label-Änderung zum Rückgängigmachen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Label change undone.</source>
        <translation>Label-Änderung rückgängig gemacht.</translation>
    </message>
</context>
<context>
    <name>ft::ui::EvaluatePage</name>
    <message>
        <location filename="../ui/evaluatepage.cpp" line="+56"/>
        <source>Evaluation %1 finished</source>
        <translation>Evaluierung %1 abgeschlossen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The evaluation failed: %1</source>
        <translation>Die Evaluierung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Evaluation cancelled; nothing was stored</source>
        <translation>Evaluierung abgebrochen; nichts wurde gespeichert</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+424"/>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <location line="-423"/>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROC &amp;&amp; PR</source>
        <translation>ROC &amp;&amp; PR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baselines</source>
        <translation>Baselines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sensitivity</source>
        <translation>Sensitivität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+29"/>
        <source>Evaluate</source>
        <translation>Evaluieren</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>test part</source>
        <translation>Testteil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation part</source>
        <translation>Validierungsteil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which part of the run&apos;s split to evaluate on</source>
        <translation>Auf welchem Teil der Aufteilung des Laufs evaluiert wird</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>best checkpoint</source>
        <translation>bester Checkpoint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last checkpoint</source>
        <translation>letzter Checkpoint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The best checkpoint by the run&apos;s validation metric, or the last one saved</source>
        <translation>Der beste Checkpoint nach der Validierungsmetrik des Laufs oder der zuletzt gespeicherte</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+594"/>
        <source>Run the model on every row of the chosen part, store each prediction, and compare it with the baselines</source>
        <translation>Das Modell auf jede Zeile des gewählten Teils anwenden, jede Vorhersage speichern und mit den Baselines vergleichen</translation>
    </message>
    <message>
        <location line="-586"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evaluation:</source>
        <translation>Evaluierung:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Intervals: 95 % percentile bootstrap over the evaluated rows. Averages: macro = the mean over classes, micro = pooled over rows, weighted = by support.</source>
        <translation>Intervalle: 95-%-Perzentil-Bootstrap über die evaluierten Zeilen. Mittelwerte: Makro = Mittel über die Klassen, Mikro = über alle Zeilen gepoolt, gewichtet = nach Support.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Overall</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Per class</source>
        <translation>Pro Klasse</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>All errors</source>
        <translation>Alle Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List every row the model got wrong</source>
        <translation>Alle Zeilen auflisten, die das Modell falsch vorhergesagt hat</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+685"/>
        <location line="+64"/>
        <location line="+118"/>
        <location line="+5"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="-799"/>
        <source>Reset to 0.5</source>
        <translation>Auf 0,5 zurücksetzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decision threshold</source>
        <translation>Entscheidungsschwelle</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+501"/>
        <source>The decision threshold applies to two-class tasks; with more classes the model predicts the most probable label.</source>
        <translation>Die Entscheidungsschwelle gilt für Aufgaben mit zwei Klassen; bei mehr Klassen sagt das Modell das wahrscheinlichste Label vorher.</translation>
    </message>
    <message>
        <location line="-478"/>
        <source>A well calibrated model is right 80 % of the time when it says 0.8: its points lie on the diagonal. ECE is the row-weighted mean gap, MCE the largest.</source>
        <translation>Ein gut kalibriertes Modell liegt in 80 % der Fälle richtig, wenn es 0,8 sagt: Seine Punkte liegen auf der Diagonale. ECE ist die zeilengewichtete mittlere Lücke, MCE die größte.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Bins</source>
        <translation>Bins</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Baselines on the same rows</source>
        <translation>Baselines auf denselben Zeilen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>By text length</source>
        <translation>Nach Textlänge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>By true class</source>
        <translation>Nach wahrer Klasse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Perturbed inputs</source>
        <translation>Veränderte Eingaben</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Tick the runs to compare. Each is shown by its latest evaluation.</source>
        <translation>Haken Sie die Läufe an, die Sie vergleichen möchten. Jeder wird mit seiner neuesten Evaluierung gezeigt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+859"/>
        <location line="+76"/>
        <source>ROC curves of the runs</source>
        <translation>ROC-Kurven der Läufe</translation>
    </message>
    <message>
        <location line="-935"/>
        <location line="+860"/>
        <location line="+76"/>
        <source>False positive rate</source>
        <translation>Falsch-Positiv-Rate</translation>
    </message>
    <message>
        <location line="-935"/>
        <location line="+859"/>
        <location line="+76"/>
        <source>True positive rate</source>
        <translation>Richtig-Positiv-Rate</translation>
    </message>
    <message>
        <location line="-929"/>
        <source>Settings that differ</source>
        <translation>Abweichende Einstellungen</translation>
    </message>
    <message>
        <location line="+100"/>
        <location line="+727"/>
        <location line="+100"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location line="-825"/>
        <source>, not evaluated</source>
        <translation>, nicht evaluiert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1
Model: %2
Created %3</source>
        <translation>%1
Modell: %2
Erstellt %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>#%1 · %2 · %3 · %4</source>
        <translation>#%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not evaluated yet</source>
        <translation>noch nicht evaluiert</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The evaluation could not be read: %1</source>
        <translation>Die Evaluierung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The runs could not be listed: %1</source>
        <translation>Die Läufe konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The runs could not be compared: %1</source>
        <translation>Die Läufe konnten nicht verglichen werden: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open a project to evaluate its runs.</source>
        <translation>Öffnen Sie ein Projekt, um seine Läufe zu evaluieren.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading the project…</source>
        <translation>Projekt wird gelesen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p style=&apos;font-size:13pt&apos;&gt;&lt;b&gt;No fine-tuning run yet&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Train a model on the Fine-tune page (or with &lt;code&gt;finetune train&lt;/code&gt;), then evaluate it here: metrics with confidence intervals, the confusion matrix and its rows, ROC and precision-recall curves, calibration, baselines and robustness.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:13pt&apos;&gt;&lt;b&gt;Noch kein Fine-Tuning-Lauf&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Trainieren Sie ein Modell auf der Seite „Fine-Tuning“ (oder mit &lt;code&gt;finetune train&lt;/code&gt;) und evaluieren Sie es dann hier: Metriken mit Konfidenzintervallen, die Konfusionsmatrix und ihre Zeilen, ROC- und Precision-Recall-Kurven, Kalibrierung, Baselines und Robustheit.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Loading the evaluation…</source>
        <translation>Evaluierung wird geladen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p style=&apos;font-size:13pt&apos;&gt;&lt;b&gt;This run has not been evaluated yet&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Click &lt;b&gt;Evaluate&lt;/b&gt; to run it on every row of the %1 part: each prediction is stored, so every number here can be traced back to rows.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:13pt&apos;&gt;&lt;b&gt;Dieser Lauf wurde noch nicht evaluiert&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Klicken Sie auf &lt;b&gt;Evaluieren&lt;/b&gt;, um ihn auf jede Zeile des Teils „%1“ anzuwenden: Jede Vorhersage wird gespeichert, sodass sich jede Zahl hier auf Zeilen zurückführen lässt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose a run first</source>
        <translation>Wählen Sie zuerst einen Lauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The run is still training</source>
        <translation>Der Lauf trainiert noch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The run has not been trained</source>
        <translation>Der Lauf wurde nicht trainiert</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Starting — %p %</source>
        <translation>Start — %p %</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;%1&lt;/b&gt; on the %2 part: %3 rows, %4 checkpoint · evaluated %5 in %6 s</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; auf dem Teil „%2“: %3 Zeilen, Checkpoint „%4“ · evaluiert %5 in %6 s</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no probabilities were stored: ROC, PR, calibration and log loss are not available</source>
        <translation>es wurden keine Wahrscheinlichkeiten gespeichert: ROC, PR, Kalibrierung und Log Loss sind nicht verfügbar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Read with care:&lt;/b&gt; </source>
        <translation>&lt;b&gt;Mit Vorsicht lesen:&lt;/b&gt; </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Click a cell of the matrix to list its rows.</source>
        <translation>Klicken Sie auf eine Zelle der Matrix, um ihre Zeilen aufzulisten.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No probabilities were stored, so there is no threshold to move.</source>
        <translation>Es wurden keine Wahrscheinlichkeiten gespeichert, daher gibt es keine Schwelle zum Verschieben.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>95 % lower</source>
        <translation>95 % unten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>95 % upper</source>
        <translation>95 % oben</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+253"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location line="-253"/>
        <location line="+378"/>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location line="-378"/>
        <location line="+253"/>
        <location line="+126"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location line="-379"/>
        <location line="+253"/>
        <location line="+127"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="-380"/>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>needs probabilities, which this evaluation did not store</source>
        <translation>braucht Wahrscheinlichkeiten, die diese Evaluierung nicht gespeichert hat</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+110"/>
        <location line="+34"/>
        <location line="+84"/>
        <location line="+6"/>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <location line="-234"/>
        <source>Share of rows predicted correctly</source>
        <translation>Anteil der richtig vorhergesagten Zeilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Balanced accuracy</source>
        <translation>Balanced Accuracy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean recall over the classes that occur</source>
        <translation>Mittlerer Recall über die vorkommenden Klassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+140"/>
        <location line="+84"/>
        <location line="+7"/>
        <source>Macro-F1</source>
        <translation>Macro-F1</translation>
    </message>
    <message>
        <location line="-231"/>
        <source>Mean F1 over the classes, each class counting the same</source>
        <translation>Mittlerer F1 über die Klassen, jede Klasse zählt gleich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weighted F1</source>
        <translation>Gewichteter F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F1 averaged by class support</source>
        <translation>F1, gemittelt nach Support der Klassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matthews correlation (MCC)</source>
        <translation>Matthews-Korrelation (MCC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correlation between truth and prediction, -1 to 1; 0 = no better than chance</source>
        <translation>Korrelation zwischen Wahrheit und Vorhersage, -1 bis 1; 0 = nicht besser als Zufall</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cohen&apos;s kappa</source>
        <translation>Cohens Kappa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agreement beyond chance</source>
        <translation>Übereinstimmung über den Zufall hinaus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log loss</source>
        <translation>Log Loss</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean negative log-probability of the true label (lower is better)</source>
        <translation>Mittlere negative Log-Wahrscheinlichkeit des wahren Labels (kleiner ist besser)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>needs both classes in the truth and probabilities</source>
        <translation>braucht beide Klassen in der Wahrheit und Wahrscheinlichkeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROC AUC</source>
        <translation>ROC AUC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area under the ROC curve of %1</source>
        <translation>Fläche unter der ROC-Kurve von %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Average precision</source>
        <translation>Average Precision</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Area under the precision-recall curve (step-wise)</source>
        <translation>Fläche unter der Precision-Recall-Kurve (stufenweise)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brier score</source>
        <translation>Brier-Score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean squared error of the probability of %1 (lower is better)</source>
        <translation>Mittlerer quadratischer Fehler der Wahrscheinlichkeit von %1 (kleiner ist besser)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>undefined: a class does not occur in the truth, or no probabilities</source>
        <translation>nicht definiert: Eine Klasse kommt in der Wahrheit nicht vor, oder es gibt keine Wahrscheinlichkeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROC AUC (one-vs-rest, macro)</source>
        <translation>ROC AUC (One-vs-Rest, Makro)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean of the per-class AUCs</source>
        <translation>Mittelwert der AUCs pro Klasse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ROC AUC (one-vs-rest, weighted)</source>
        <translation>ROC AUC (One-vs-Rest, gewichtet)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Per-class AUCs weighted by support</source>
        <translation>AUCs pro Klasse, nach Support gewichtet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ROC AUC (one-vs-one, macro)</source>
        <translation>ROC AUC (One-vs-One, Makro)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hand &amp; Till: the mean over class pairs</source>
        <translation>Hand &amp; Till: das Mittel über die Klassenpaare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ROC AUC (micro)</source>
        <translation>ROC AUC (Mikro)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All one-vs-rest decisions pooled</source>
        <translation>Alle One-vs-Rest-Entscheidungen gepoolt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Top-%1 accuracy</source>
        <translation>Top-%1-Accuracy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of rows whose true label is among the %1 most probable</source>
        <translation>Anteil der Zeilen, deren wahres Label unter den %1 wahrscheinlichsten ist</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expected calibration error</source>
        <translation>Erwarteter Kalibrierungsfehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Row-weighted gap between confidence and accuracy</source>
        <translation>Zeilengewichtete Lücke zwischen Konfidenz und Accuracy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows evaluated</source>
        <translation>Evaluierte Zeilen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>macro average</source>
        <translation>Makro-Mittel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Each class counts the same</source>
        <translation>Jede Klasse zählt gleich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>micro average</source>
        <translation>Mikro-Mittel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pooled over rows (equals accuracy for single-label data)</source>
        <translation>Über die Zeilen gepoolt (gleich der Accuracy bei Single-Label-Daten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weighted average</source>
        <translation>gewichtetes Mittel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weighted by support</source>
        <translation>Nach Support gewichtet</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean confidence</source>
        <translation>Mittlere Konfidenz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gap</source>
        <translation>Lücke</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Classifier</source>
        <translation>Klassifikator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only model</source>
        <translation>Nur Modell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Only baseline</source>
        <translation>Nur Baseline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>McNemar p</source>
        <translation>McNemar p</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows only the model gets right</source>
        <translation>Zeilen, die nur das Modell richtig hat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows only the baseline gets right</source>
        <translation>Zeilen, die nur die Baseline richtig hat</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No baselines were computed for this evaluation.</source>
        <translation>Für diese Evaluierung wurden keine Baselines berechnet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>exact binomial</source>
        <translation>exakt binomial</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>chi-square</source>
        <translation>Chi-Quadrat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fewer than 25 discordant rows: the exact binomial test</source>
        <translation>Weniger als 25 diskordante Zeilen: der exakte Binomialtest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chi-square with continuity correction, statistic %1</source>
        <translation>Chi-Quadrat mit Stetigkeitskorrektur, Statistik %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: both are right and wrong on exactly the same rows.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: Beide liegen auf genau denselben Zeilen richtig und falsch.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: the model is significantly better (p %2): it is right on %3 rows the baseline gets wrong, and wrong on %4 it gets right.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: Das Modell ist signifikant besser (p %2): Es liegt auf %3 Zeilen richtig, die die Baseline falsch hat, und auf %4 falsch, die sie richtig hat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: the model is significantly &lt;i&gt;worse&lt;/i&gt; (p %2): it is right on %3 rows the baseline gets wrong, and wrong on %4 it gets right.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: Das Modell ist signifikant &lt;i&gt;schlechter&lt;/i&gt; (p %2): Es liegt auf %3 Zeilen richtig, die die Baseline falsch hat, und auf %4 falsch, die sie richtig hat.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: no significant difference at the 5 % level (p %2; %3 rows only the model gets right, %4 only the baseline).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: kein signifikanter Unterschied auf dem 5-%-Niveau (p %2; %3 Zeilen hat nur das Modell richtig, %4 nur die Baseline).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The baselines were fitted on the run&apos;s %1 training rows and scored on the same rows as the model.</source>
        <translation>Die Baselines wurden auf den %1 Trainingszeilen des Laufs angepasst und auf denselben Zeilen wie das Modell bewertet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Slice</source>
        <translation>Teilmenge</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Perturbation</source>
        <translation>Veränderung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Δ accuracy</source>
        <translation>Δ Accuracy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Δ macro-F1</source>
        <translation>Δ Macro-F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>&lt;b&gt;%1&lt;/b&gt; row of &lt;b&gt;%2&lt;/b&gt;, predicted correctly.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; Zeile von &lt;b&gt;%2&lt;/b&gt;, richtig vorhergesagt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;%1&lt;/b&gt; rows of &lt;b&gt;%2&lt;/b&gt;, predicted correctly.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; Zeilen von &lt;b&gt;%2&lt;/b&gt;, richtig vorhergesagt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;%1&lt;/b&gt; row of &lt;b&gt;%2&lt;/b&gt; predicted as &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; Zeile von &lt;b&gt;%2&lt;/b&gt;, vorhergesagt als &lt;b&gt;%3&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;%1&lt;/b&gt; rows of &lt;b&gt;%2&lt;/b&gt; predicted as &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; Zeilen von &lt;b&gt;%2&lt;/b&gt;, vorhergesagt als &lt;b&gt;%3&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;b&gt;%1&lt;/b&gt; rows predicted wrongly, of %2.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; Zeilen falsch vorhergesagt, von %2.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A row is predicted &lt;b&gt;%1&lt;/b&gt; when P(%1) ≥ %2, else %3.</source>
        <translation>Eine Zeile wird als &lt;b&gt;%1&lt;/b&gt; vorhergesagt, wenn P(%1) ≥ %2, sonst als %3.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 true positives, %2 false positives
%3 false negatives, %4 true negatives</source>
        <translation>%1 richtig positiv, %2 falsch positiv
%3 falsch negativ, %4 richtig negativ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>
No row reaches this threshold: precision counts as 0.</source>
        <translation>
Keine Zeile erreicht diese Schwelle: Die Precision zählt als 0.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>threshold %1</source>
        <translation>Schwelle %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source> (not evaluated)</source>
        <translation> (nicht evaluiert)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Tick at least one run to compare.</source>
        <translation>Haken Sie mindestens einen Lauf zum Vergleichen an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Comparing…</source>
        <translation>Wird verglichen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Each run is shown by its latest evaluation. Metrics of runs evaluated on different parts or splits are not comparable. ROC: the positive class for two classes, the micro average for more; ROC AUC: binary, or one-vs-rest macro.</source>
        <translation>Jeder Lauf wird mit seiner neuesten Evaluierung gezeigt. Metriken von Läufen, die auf verschiedenen Teilen oder Aufteilungen evaluiert wurden, sind nicht vergleichbar. ROC: bei zwei Klassen die positive Klasse, bei mehr das Mikro-Mittel; ROC AUC: binär oder One-vs-Rest Makro.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evaluation</source>
        <translation>Evaluierung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not evaluated</source>
        <translation>nicht evaluiert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(the runs share every setting)</source>
        <translation>(die Läufe teilen alle Einstellungen)</translation>
    </message>
</context>
<context>
    <name>ft::ui::ExamplesModel</name>
    <message>
        <location filename="../ui/examplesmodel.cpp" line="+124"/>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>True</source>
        <translation>Wahr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Predicted</source>
        <translation>Vorhergesagt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P(true)</source>
        <translation>P(wahr)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The row&apos;s id in the project (as on the Data page)</source>
        <translation>Die ID der Zeile im Projekt (wie auf der Seite „Daten vorbereiten“)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model&apos;s probability of the label it predicted</source>
        <translation>Die Wahrscheinlichkeit des Modells für das vorhergesagte Label</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model&apos;s probability of the true label</source>
        <translation>Die Wahrscheinlichkeit des Modells für das wahre Label</translation>
    </message>
</context>
<context>
    <name>ft::ui::ExportPage</name>
    <message>
        <location filename="../ui/exportpage.cpp" line="+73"/>
        <source>&lt;p style=&apos;font-weight:400&apos;&gt;One folder that loads anywhere Hugging Face checkpoints load, and that &lt;code&gt;finetune serve&lt;/code&gt; serves:&lt;/p&gt;&lt;ul style=&apos;font-weight:400&apos;&gt;&lt;li&gt;&lt;b&gt;config.json&lt;/b&gt;, &lt;b&gt;model.safetensors&lt;/b&gt; and the tokenizer files&lt;/li&gt;&lt;li&gt;&lt;b&gt;preprocessing.json&lt;/b&gt;: the cleaning steps the model was trained with&lt;/li&gt;&lt;li&gt;&lt;b&gt;README.md&lt;/b&gt;: the model card, with the evaluation&apos;s metrics and plots&lt;/li&gt;&lt;li&gt;&lt;b&gt;Dockerfile&lt;/b&gt; and &lt;b&gt;k8s.yaml&lt;/b&gt; to run it as a service&lt;/li&gt;&lt;li&gt;&lt;b&gt;manifest.json&lt;/b&gt;: the SHA-256 of every file and the verification&lt;/li&gt;&lt;/ul&gt;&lt;p style=&apos;font-weight:400&apos;&gt;Before the folder gets its final name it is loaded back and re-predicts the evaluated rows; the export only passes when the answers agree with the app&apos;s.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-weight:400&apos;&gt;Ein Ordner, der sich überall laden lässt, wo Hugging-Face-Checkpoints laden, und den &lt;code&gt;finetune serve&lt;/code&gt; bereitstellt:&lt;/p&gt;&lt;ul style=&apos;font-weight:400&apos;&gt;&lt;li&gt;&lt;b&gt;config.json&lt;/b&gt;, &lt;b&gt;model.safetensors&lt;/b&gt; und die Tokenizer-Dateien&lt;/li&gt;&lt;li&gt;&lt;b&gt;preprocessing.json&lt;/b&gt;: die Bereinigungsschritte, mit denen das Modell trainiert wurde&lt;/li&gt;&lt;li&gt;&lt;b&gt;README.md&lt;/b&gt;: die Model Card mit den Metriken und Diagrammen der Evaluierung&lt;/li&gt;&lt;li&gt;&lt;b&gt;Dockerfile&lt;/b&gt; und &lt;b&gt;k8s.yaml&lt;/b&gt;, um es als Dienst zu betreiben&lt;/li&gt;&lt;li&gt;&lt;b&gt;manifest.json&lt;/b&gt;: der SHA-256 jeder Datei und die Verifikation&lt;/li&gt;&lt;/ul&gt;&lt;p style=&apos;font-weight:400&apos;&gt;Bevor der Ordner seinen endgültigen Namen erhält, wird er zurückgeladen und sagt die evaluierten Zeilen erneut vorher; der Export ist nur erfolgreich, wenn die Antworten mit denen der App übereinstimmen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The project could not be read: %1</source>
        <translation>Das Projekt konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The versions could not be compared: %1</source>
        <translation>Die Versionen konnten nicht verglichen werden: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export cancelled; nothing was written</source>
        <translation>Export abgebrochen; nichts wurde geschrieben</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Deleted 1 export</source>
        <translation>1 Export gelöscht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted %1 exports</source>
        <translation>%1 Exporte gelöscht</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Wrote %1 (%2) to %3</source>
        <translation>%1 (%2) nach %3 geschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 line</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 lines</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing was written: %1</source>
        <translation>Nichts wurde geschrieben: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelled; nothing was written.</source>
        <translation>Abgebrochen; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Deploy</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export a trained run as a self-contained, verified folder — weights, tokenizer, cleaning steps, model card, Dockerfile — and keep every version in the registry.</source>
        <translation>Exportieren Sie einen trainierten Lauf als eigenständigen, verifizierten Ordner — Gewichte, Tokenizer, Bereinigungsschritte, Model Card, Dockerfile — und behalten Sie jede Version in der Registry.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Export a model</source>
        <translation>Modell exportieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The trained run to export</source>
        <translation>Der trainierte Lauf, der exportiert wird</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Evaluate first…</source>
        <translation>Erst evaluieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open stage 4 to evaluate this run on its test part</source>
        <translation>Stufe 4 öffnen, um diesen Lauf auf seinem Testteil zu evaluieren</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Best (by the run&apos;s validation metric)</source>
        <translation>Bester (nach der Validierungsmetrik des Laufs)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last (the final weights)</source>
        <translation>Letzter (die finalen Gewichte)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>f32 — exact</source>
        <translation>f32 — exakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>f16 — half the size</source>
        <translation>f16 — halbe Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bf16 — half the size, wider range</source>
        <translation>bf16 — halbe Größe, größerer Wertebereich</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the run&apos;s name</source>
        <translation>der Name des Laufs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model&apos;s name in the registry; every export of a name is its next version. Letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;; anything else becomes &apos;-&apos;.</source>
        <translation>Der Name des Modells in der Registry; jeder Export eines Namens ist dessen nächste Version. Buchstaben, Ziffern, „-“, „_“ und „.“; alles andere wird zu „-“.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The folder the export creates; it must not exist yet</source>
        <translation>Der Ordner, den der Export anlegt; er darf noch nicht existieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the folder to create the export in</source>
        <translation>Ordner wählen, in dem der Export angelegt wird</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create the export in</source>
        <translation>Export anlegen in</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the next version&apos;s folder in the project&apos;s exports/</source>
        <translation>Zurück zum Ordner der nächsten Version in exports/ des Projekts</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write the folder, load it back and re-predict the evaluated rows to verify it, then add it to the registry</source>
        <translation>Den Ordner schreiben, zurückladen und die evaluierten Zeilen zur Verifikation erneut vorhersagen, dann in die Registry aufnehmen</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+243"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="-223"/>
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checkpoint:</source>
        <translation>Checkpoint:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights:</source>
        <translation>Gewichte:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+255"/>
        <source>What an export contains</source>
        <translation>Was ein Export enthält</translation>
    </message>
    <message>
        <location line="-233"/>
        <location line="+82"/>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Copy path</source>
        <translation>Pfad kopieren</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Model registry</source>
        <translation>Modell-Registry</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+545"/>
        <location line="+9"/>
        <source>Verified</source>
        <translation>Verifiziert</translation>
    </message>
    <message>
        <location line="-554"/>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Macro-F1</source>
        <translation>Macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No exports yet. Every export is kept here as a version of its name (v1, v2, …), with the run it came from and its verified metrics.</source>
        <translation>Noch keine Exporte. Jeder Export wird hier als Version seines Namens (v1, v2, …) aufbewahrt, mit dem Lauf, aus dem er stammt, und seinen verifizierten Metriken.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select two or more versions (Ctrl+click) to see their metrics and the settings that differ side by side</source>
        <translation>Wählen Sie zwei oder mehr Versionen (Strg+Klick), um ihre Metriken und abweichenden Einstellungen nebeneinander zu sehen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the selected versions and their folders</source>
        <translation>Die ausgewählten Versionen und ihre Ordner löschen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Metrics at export time</source>
        <translation>Metriken zum Exportzeitpunkt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings that differ</source>
        <translation>Abweichende Einstellungen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Training data for OpenAI fine-tuning (JSONL)</source>
        <translation>Trainingsdaten für OpenAI-Fine-Tuning (JSONL)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The dataset whose labelled rows are written</source>
        <translation>Der Datensatz, dessen gelabelte Zeilen geschrieben werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Raw text</source>
        <translation>Rohtext</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the text as it was imported, not the cleaned text the models train on</source>
        <translation>Den Text so schreiben, wie er importiert wurde, nicht den bereinigten Text, auf dem die Modelle trainieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Optional, e.g. “Answer with the intent only.”</source>
        <translation>Optional, z. B. „Antworte nur mit dem Intent.“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent as the system message of every example</source>
        <translation>Wird als System-Nachricht jedes Beispiels gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export JSONL…</source>
        <translation>JSONL exportieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One chat example per row: the text as the user message, its label as the assistant&apos;s answer</source>
        <translation>Ein Chat-Beispiel pro Zeile: der Text als Benutzernachricht, sein Label als Antwort des Assistenten</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Data:</source>
        <translation>Daten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System prompt:</source>
        <translation>System-Prompt:</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>No trained run yet</source>
        <translation>Noch kein trainierter Lauf</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Train a run on stage 3 first; completed runs appear here.</source>
        <translation>Trainieren Sie zuerst einen Lauf in Stufe 3; abgeschlossene Läufe erscheinen hier.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>best %1 %2%3</source>
        <translation>Bestwert %1 %2%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> at step %1</source>
        <translation> bei Schritt %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (step %2)</source>
        <translation>%1 (Schritt %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (folder missing)</source>
        <translation>%1 (Ordner fehlt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no checkpoint</source>
        <translation>kein Checkpoint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checkpoints: %1</source>
        <translation>Checkpoints: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>accuracy %1</source>
        <translation>Accuracy %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>macro-F1 %1</source>
        <translation>Macro-F1 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✔ Evaluated on the %1 part (evaluation %2): %3</source>
        <translation>✔ Evaluiert auf dem Teil „%1“ (Evaluierung %2): %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The %1 checkpoint of this run has not been evaluated: the model card will have no test metrics or plots, and the export is verified against the checkpoint itself. Evaluating first is recommended — exporting anyway works.</source>
        <translation>Der Checkpoint „%1“ dieses Laufs wurde nicht evaluiert: Die Model Card enthält keine Testmetriken oder Diagramme, und der Export wird gegen den Checkpoint selbst verifiziert. Erst zu evaluieren wird empfohlen — ein Export funktioniert trotzdem.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source> Weights ≈ %1.</source>
        <translation> Gewichte ≈ %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exact: the weights as trained; the folder predicts bit for bit what the app predicts.</source>
        <translation>Exakt: die Gewichte wie trainiert; der Ordner sagt Bit für Bit dasselbe vorher wie die App.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Half the size; probabilities move in the 3rd–4th decimal, labels almost never. Verified by label.</source>
        <translation>Halbe Größe; Wahrscheinlichkeiten ändern sich in der 3. bis 4. Nachkommastelle, Labels fast nie. Verifiziert anhand der Labels.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Half the size with f32&apos;s range but fewer digits: probabilities move a little more than with f16. Verified by label.</source>
        <translation>Halbe Größe mit dem Wertebereich von f32, aber weniger Stellen: Wahrscheinlichkeiten ändern sich etwas mehr als bei f16. Verifiziert anhand der Labels.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Your own folder: it is created by the export and must not exist yet. The version still enters the registry.</source>
        <translation>Ihr eigener Ordner: Er wird vom Export angelegt und darf noch nicht existieren. Die Version kommt trotzdem in die Registry.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The next version&apos;s folder in the project&apos;s exports/. Each export gets its own folder; none is ever overwritten.</source>
        <translation>Der Ordner der nächsten Version in exports/ des Projekts. Jeder Export erhält einen eigenen Ordner; keiner wird je überschrieben.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Choose a trained run to export.</source>
        <translation>Wählen Sie einen trainierten Lauf für den Export.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder: give the folder to create, or press Default.</source>
        <translation>Ordner: Geben Sie den anzulegenden Ordner an oder klicken Sie auf „Standard“.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Starting — %p %</source>
        <translation>Start — %p %</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exporting run %1…</source>
        <translation>Lauf %1 wird exportiert…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelling — %p %</source>
        <translation>Wird abgebrochen — %p %</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exported %1 version %2 to %3</source>
        <translation>%1 Version %2 nach %3 exportiert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Last export</source>
        <translation>Letzter Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — version %2</source>
        <translation>%1 — Version %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 checkpoint · %2 weights · exported in %3 s</source>
        <translation>Checkpoint „%1“ · Gewichte %2 · exportiert in %3 s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>evaluation %1</source>
        <translation>Evaluierung %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the checkpoint itself</source>
        <translation>der Checkpoint selbst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not verified</source>
        <translation>Nicht verifiziert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the folder re-predicted all %1 rows of the %2 part exactly as %3 did: the same labels and every probability bit for bit (%4 bit-identical).</source>
        <translation>Der Ordner hat alle %1 Zeilen des Teils „%2“ genau so vorhergesagt wie die Referenz (%3): dieselben Labels und jede Wahrscheinlichkeit Bit für Bit (%4 bitidentisch).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the folder re-predicted the %1 rows of the %2 part: every label agrees with %3 (agreement %4 %); the largest probability difference is %5, from rounding the weights to %6.</source>
        <translation>Der Ordner hat die %1 Zeilen des Teils „%2“ erneut vorhergesagt: Jedes Label stimmt mit der Referenz (%3) überein (Übereinstimmung %4 %); die größte Abweichung einer Wahrscheinlichkeit ist %5, durch das Runden der Gewichte auf %6.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Verification failed</source>
        <translation>Verifikation fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement %1 % (%2 of %3 rows of the %4 part) · largest probability difference %5 · reference: %6</source>
        <translation>Übereinstimmung %1 % (%2 von %3 Zeilen des Teils „%4“) · größte Abweichung einer Wahrscheinlichkeit %5 · Referenz: %6</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;b&gt;Warnings&lt;/b&gt;</source>
        <translation>&lt;b&gt;Warnungen&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 bytes · SHA-256 %2</source>
        <translation>%1 Bytes · SHA-256 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 files and manifest.json, %2 in all</source>
        <translation>%1 Dateien und manifest.json, insgesamt %2</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>#%1 (deleted)</source>
        <translation>#%1 (gelöscht)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 weights from the %2 checkpoint</source>
        <translation>Gewichte %1 aus dem Checkpoint „%2“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder re-predicted the reference rows and agreed with the app</source>
        <translation>Der Ordner hat die Referenzzeilen erneut vorhergesagt und stimmte mit der App überein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder&apos;s predictions were not checked or did not agree; see its manifest.json</source>
        <translation>Die Vorhersagen des Ordners wurden nicht geprüft oder stimmten nicht überein; siehe seine manifest.json</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The run was not evaluated when this version was exported</source>
        <translation>Der Lauf war beim Export dieser Version nicht evaluiert</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1: the folder is gone (moved or deleted outside the app); delete the version to forget it.</source>
        <translation>%1: Der Ordner ist weg (außerhalb der App verschoben oder gelöscht); löschen Sie die Version, um sie zu vergessen.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Compared: %1</source>
        <translation>Verglichen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>not evaluated when exported</source>
        <translation>beim Export nicht evaluiert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>value [95 % interval]</source>
        <translation>Wert [95-%-Intervall]</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No metrics: none of these versions was evaluated when exported</source>
        <translation>Keine Metriken: Keine dieser Versionen war beim Export evaluiert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Same run, checkpoint and weights</source>
        <translation>Gleicher Lauf, Checkpoint und Gewichte</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 version %2 — %3</source>
        <translation>%1 Version %2 — %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete exports</source>
        <translation>Exporte löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete this version and its folder?</source>
        <translation>Diese Version und ihren Ordner löschen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete these %1 versions and their folders?</source>
        <translation>Diese %1 Versionen und ihre Ordner löschen?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>

Everything in these folders is deleted and the registry forgets the versions. This cannot be undone.</source>
        <translation>

Alles in diesen Ordnern wird gelöscht, und die Registry vergisst die Versionen. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Train part (%1 rows)</source>
        <translation>Trainingsteil (%1 Zeilen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validation part (%1 rows)</source>
        <translation>Validierungsteil (%1 Zeilen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test part (%1 rows)</source>
        <translation>Testteil (%1 Zeilen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every part (%1 rows)</source>
        <translation>Alle Teile (%1 Zeilen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every labelled row (%1; no split yet)</source>
        <translation>Gelabelte Zeilen (%1; ungeteilt)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Export as OpenAI JSONL</source>
        <translation>Als OpenAI-JSONL exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ft::ui::GuidedTour</name>
    <message>
        <location filename="../ui/guidedtour.cpp" line="+33"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+87"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Skip tour</source>
        <translation>Tour überspringen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Prepare data</source>
        <translation>Daten vorbereiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything starts with labelled text. Import a CSV, TSV, JSON or JSONL file with &lt;b&gt;Import data&lt;/b&gt;, correct labels right in the table, then use the &lt;b&gt;Clean&lt;/b&gt; and &lt;b&gt;Split&lt;/b&gt; tabs. The sample project is imported and split already.</source>
        <translation>Alles beginnt mit gelabeltem Text. Importieren Sie eine CSV-, TSV-, JSON- oder JSONL-Datei mit &lt;b&gt;Daten importieren&lt;/b&gt;, korrigieren Sie Labels direkt in der Tabelle und nutzen Sie dann die Tabs &lt;b&gt;Bereinigen&lt;/b&gt; und &lt;b&gt;Aufteilen&lt;/b&gt;. Das Beispielprojekt ist bereits importiert und aufgeteilt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select model</source>
        <translation>Modell wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick the pre-trained model to fine-tune: a small built-in one to try things out, a checkpoint folder, or a model from your Hugging Face cache. The tokenizer preview shows how your texts are cut into tokens, and &lt;b&gt;Measure speed&lt;/b&gt; estimates the training time.</source>
        <translation>Wählen Sie das vortrainierte Modell für das Fine-Tuning: ein kleines eingebautes zum Ausprobieren, einen Checkpoint-Ordner oder ein Modell aus Ihrem Hugging-Face-Cache. Die Tokenizer-Vorschau zeigt, wie Ihre Texte in Token zerlegt werden, und &lt;b&gt;Geschwindigkeit messen&lt;/b&gt; schätzt die Trainingszeit.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fine-tune</source>
        <translation>Fine-Tuning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a preset or adjust the hyperparameters, then click &lt;b&gt;Start&lt;/b&gt;. Loss and accuracy curves update live; you can pause, stop and resume a run, and compare it with earlier ones.</source>
        <translation>Wählen Sie eine Voreinstellung oder passen Sie die Hyperparameter an und klicken Sie dann auf &lt;b&gt;Starten&lt;/b&gt;. Loss- und Accuracy-Kurven aktualisieren sich live; Sie können einen Lauf pausieren, stoppen und fortsetzen und ihn mit früheren vergleichen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evaluate</source>
        <translation>Evaluieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a trained run and click &lt;b&gt;Evaluate&lt;/b&gt; to score it on the test split: metrics with confidence intervals, the confusion matrix and its rows, ROC and PR curves, and simple baselines the model has to beat.</source>
        <translation>Wählen Sie einen trainierten Lauf und klicken Sie auf &lt;b&gt;Evaluieren&lt;/b&gt;, um ihn auf dem Testteil zu bewerten: Metriken mit Konfidenzintervallen, die Konfusionsmatrix und ihre Zeilen, ROC- und PR-Kurven sowie einfache Baselines, die das Modell schlagen muss.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deploy</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click &lt;b&gt;Export&lt;/b&gt; to write the run as a verified Hugging Face folder with a model card. Serve it with &lt;tt&gt;finetune serve&lt;/tt&gt; or load it in any tool that reads Hugging Face checkpoints. Reopen this tour from &lt;b&gt;Help → Guided tour&lt;/b&gt;.</source>
        <translation>Klicken Sie auf &lt;b&gt;Exportieren&lt;/b&gt;, um den Lauf als verifizierten Hugging-Face-Ordner mit Model Card zu schreiben. Stellen Sie ihn mit &lt;tt&gt;finetune serve&lt;/tt&gt; bereit oder laden Sie ihn in jedem Werkzeug, das Hugging-Face-Checkpoints liest. Diese Tour öffnen Sie erneut über &lt;b&gt;Hilfe → Geführte Tour&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Close the tour; Help → Guided tour opens it again (Esc)</source>
        <translation>Die Tour schließen; Hilfe → Geführte Tour öffnet sie erneut (Esc)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the tour</source>
        <translation>Die Tour schließen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go to %1</source>
        <translation>Weiter zu „%1“</translation>
    </message>
</context>
<context>
    <name>ft::ui::HyperparameterForm</name>
    <message>
        <location filename="../ui/hyperparameterform.cpp" line="+122"/>
        <source>Use the latest</source>
        <translation>Neueste verwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replace the classification head</source>
        <translation>Klassifikations-Head ersetzen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no cap</source>
        <translation>keine Obergrenze</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>as the model</source>
        <translation>wie das Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+380"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="-379"/>
        <source>freeze the embeddings</source>
        <translation>Embeddings einfrieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train the classification head only</source>
        <translation>nur den Klassifikations-Head trainieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>each epoch</source>
        <translation>jede Epoche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>batch texts of similar length</source>
        <translation>Texte ähnlicher Länge zusammen batchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stop when validation stops improving</source>
        <translation>stoppen, wenn sich die Validierung nicht mehr verbessert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Preset:</source>
        <translation>Voreinstellung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+923"/>
        <source>Quick look</source>
        <translation>Schneller Test</translation>
    </message>
    <message>
        <location line="-922"/>
        <location line="+922"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="-921"/>
        <location line="+921"/>
        <source>Careful</source>
        <translation>Sorgfältig</translation>
    </message>
    <message>
        <location line="-910"/>
        <source>Load…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load a run config (JSON) saved here or written for &apos;finetune train --config&apos;.</source>
        <translation>Eine Run-Config (JSON) laden, die hier gespeichert oder für „finetune train --config“ geschrieben wurde.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save these settings as a run config (JSON). &apos;finetune train --project P --config FILE&apos; runs it unchanged, e.g. on a server without a display.</source>
        <translation>Diese Einstellungen als Run-Config (JSON) speichern. „finetune train --project P --config DATEI“ führt sie unverändert aus, z. B. auf einem Server ohne Bildschirm.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>A checkpoint folder (config.json + weights + tokenizer)</source>
        <translation>Ein Checkpoint-Ordner (config.json + Gewichte + Tokenizer)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+723"/>
        <source>%1 (folder)</source>
        <translation>%1 (Ordner)</translation>
    </message>
    <message>
        <location line="-715"/>
        <source>A tokenizer folder (vocab.txt, tokenizer.json, …)</source>
        <translation>Ein Tokenizer-Ordner (vocab.txt, tokenizer.json, …)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Quick look — does the model learn at all? 1 epoch, batch 32, max length 64, validation 4 times in the epoch, learning rate 5e-5 (5e-4 for a built-in model), 10 % warmup, linear decay, weight decay 0.01, clipping at 1.0.</source>
        <translation>Schneller Test — lernt das Modell überhaupt? 1 Epoche, Batch 32, max. Länge 64, Validierung 4-mal pro Epoche, Lernrate 5e-5 (5e-4 für ein eingebautes Modell), 10 % Warmup, lineares Abklingen, Weight Decay 0,01, Clipping bei 1,0.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Standard — the usual fine-tuning recipe: 3 epochs, batch 16, max length 128, validation at each epoch end, learning rate 5e-5 (5e-4 for a built-in model), 10 % warmup, linear decay, weight decay 0.01, clipping at 1.0, best checkpoint by macro-F1.</source>
        <translation>Standard — das übliche Fine-Tuning-Rezept: 3 Epochen, Batch 16, max. Länge 128, Validierung am Ende jeder Epoche, Lernrate 5e-5 (5e-4 für ein eingebautes Modell), 10 % Warmup, lineares Abklingen, Weight Decay 0,01, Clipping bei 1,0, bester Checkpoint nach Macro-F1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Careful — the most from a small dataset: 6 epochs at learning rate 2e-5 (3e-4 built-in), batch 16, max length 128, validation and a checkpoint twice per epoch, 10 % warmup, linear decay, weight decay 0.01, clipping at 1.0, early stopping on macro-F1 (patience 3, min delta 0.001).</source>
        <translation>Sorgfältig — das Meiste aus einem kleinen Datensatz: 6 Epochen mit Lernrate 2e-5 (3e-4 eingebaut), Batch 16, max. Länge 128, Validierung und Checkpoint zweimal pro Epoche, 10 % Warmup, lineares Abklingen, Weight Decay 0,01, Clipping bei 1,0, Early Stopping nach Macro-F1 (Patience 3, Min. Delta 0,001).</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Data and model</source>
        <translation>Daten und Modell</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>model on dataset</source>
        <translation>Modell auf Datensatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run name</source>
        <translation>Name des Laufs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A name for the run in the history. Empty: the model and the dataset, e.g. &apos;bert-mini on support-tickets&apos;.</source>
        <translation>Ein Name für den Lauf im Verlauf. Leer: Modell und Datensatz, z. B. „bert-mini on support-tickets“.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dataset to train on (stage 1) and its split: the train part teaches the model, the validation part draws the validation curves and picks the best checkpoint, the test part is kept for the evaluation (stage 4).</source>
        <translation>Der Datensatz zum Trainieren (Stufe 1) und seine Aufteilung: Der Trainingsteil lehrt das Modell, der Validierungsteil liefert die Validierungskurven und wählt den besten Checkpoint, der Testteil bleibt für die Evaluierung (Stufe 4).</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 (built-in)</source>
        <translation>%1 (eingebaut)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model to fine-tune: the one chosen on the Model page (stage 2), another checkpoint folder, or a built-in BERT shape. Built-in shapes start from random weights: good for trying the workflow in minutes, not for real accuracy.</source>
        <translation>Das Modell für das Fine-Tuning: das auf der Seite „Modell wählen“ (Stufe 2) gewählte, ein anderer Checkpoint-Ordner oder eine eingebaute BERT-Architektur. Eingebaute Architekturen starten mit zufälligen Gewichten: gut, um den Ablauf in Minuten auszuprobieren, nicht für echte Accuracy.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A folder with tokenizer files (vocab.txt, tokenizer.json, …). Empty: the model folder&apos;s own tokenizer; a built-in shape has none of its own and gets a WordPiece vocabulary built from the training rows (or give it a BERT vocabulary folder such as bert-base-uncased).</source>
        <translation>Ein Ordner mit Tokenizer-Dateien (vocab.txt, tokenizer.json, …). Leer: der eigene Tokenizer des Modellordners; eine eingebaute Architektur hat keinen eigenen und erhält ein WordPiece-Vokabular aus den Trainingszeilen (oder geben Sie ihr einen BERT-Vokabularordner wie bert-base-uncased).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Head</source>
        <translation>Head</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the checkpoint&apos;s classification head by a new, randomly initialised one for your labels. Needed when the checkpoint was fine-tuned on other labels (say, a sentiment model and your intents). A checkpoint without a head always gets a new one.</source>
        <translation>Den Klassifikations-Head des Checkpoints durch einen neuen, zufällig initialisierten für Ihre Labels ersetzen. Nötig, wenn der Checkpoint auf andere Labels feinabgestimmt wurde (etwa ein Sentiment-Modell und Ihre Intents). Ein Checkpoint ohne Head erhält immer einen neuen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>peak, &gt; 0</source>
        <translation>Spitze, &gt; 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The peak step size of AdamW. Small (2e-5 to 5e-5) for pre-trained models; larger (1e-4 to 1e-3) for a built-in model trained from scratch or when only the head trains. With warmup, the rate climbs from 0 to this value first, then follows the schedule. Too high: the loss jumps about or turns NaN; too low: it barely moves.</source>
        <translation>Die maximale Schrittweite von AdamW. Klein (2e-5 bis 5e-5) für vortrainierte Modelle; größer (1e-4 bis 1e-3) für ein eingebautes Modell, das von Grund auf trainiert wird, oder wenn nur der Head trainiert. Mit Warmup steigt die Rate zuerst von 0 auf diesen Wert und folgt dann dem Schedule. Zu hoch: Der Loss springt hin und her oder wird NaN; zu niedrig: Er bewegt sich kaum.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>passes</source>
        <translation>Durchläufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passes over the training rows. Pre-trained models usually need 2 to 4; more passes risk over-fitting — watch for the validation loss turning upward while the training loss keeps falling.</source>
        <translation>Durchläufe über die Trainingszeilen. Vortrainierte Modelle brauchen meist 2 bis 4; mehr Durchläufe riskieren Overfitting — achten Sie darauf, ob der Validierungs-Loss steigt, während der Trainings-Loss weiter fällt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Max steps</source>
        <translation>Max. Schritte</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+35"/>
        <source>steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Caps the optimizer steps of the whole run (&apos;no cap&apos;: the epochs decide). Handy for a quick look at a large dataset. The schedule and warmup follow the cap.</source>
        <translation>Begrenzt die Optimizer-Schritte des ganzen Laufs („keine Obergrenze“: Die Epochen entscheiden). Praktisch für einen schnellen Blick auf einen großen Datensatz. Schedule und Warmup richten sich nach der Grenze.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Batch size</source>
        <translation>Batch-Größe</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+223"/>
        <source>rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="-222"/>
        <source>Rows per forward and backward pass. Larger batches give smoother gradients and faster epochs but need more memory (the Model page&apos;s pre-flight check estimates it). 16 or 32 is typical; with a smaller batch, lower the learning rate a little.</source>
        <translation>Zeilen pro Forward- und Backward-Pass. Größere Batches liefern glattere Gradienten und schnellere Epochen, brauchen aber mehr Speicher (die Vorabprüfung auf der Seite „Modell wählen“ schätzt ihn ab). 16 oder 32 ist üblich; bei kleinerem Batch senken Sie die Lernrate etwas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accumulation</source>
        <translation>Akkumulation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batches / step</source>
        <translation>Batches / Schritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batches whose gradients are summed before each optimizer step: an effective batch of batch size × this, without the memory. Steps, warmup and the evaluation interval count optimizer steps.</source>
        <translation>Batches, deren Gradienten vor jedem Optimizer-Schritt summiert werden: ein effektiver Batch von Batch-Größe × diesem Wert, ohne den Speicher. Schritte, Warmup und das Evaluierungsintervall zählen Optimizer-Schritte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Max length</source>
        <translation>Max. Länge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens per text, special tokens included; longer texts are cut. The tokenizer preview on the Model page shows how long your texts are: cover most of them. Time and memory grow with it (attention with its square). At most the model&apos;s positions.</source>
        <translation>Token pro Text, inklusive Spezial-Token; längere Texte werden abgeschnitten. Die Tokenizer-Vorschau auf der Seite „Modell wählen“ zeigt, wie lang Ihre Texte sind: Decken Sie die meisten ab. Zeit und Speicher wachsen damit (Attention quadratisch). Höchstens die Positionen des Modells.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the learning rate moves after warmup: linear decay to 0 (the usual choice for fine-tuning), half a cosine down to 0, or constant. The learning rate plot shows it.</source>
        <translation>Wie sich die Lernrate nach dem Warmup ändert: lineares Abklingen auf 0 (die übliche Wahl beim Fine-Tuning), eine halbe Kosinuskurve hinab auf 0 oder konstant. Das Lernraten-Diagramm zeigt den Verlauf.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ratio</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> of all steps</source>
        <translation> aller Schritte</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+112"/>
        <location line="+6"/>
        <source> steps</source>
        <translation> Schritte</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>Warmup</source>
        <translation>Warmup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first steps, during which the learning rate climbs from 0 to its peak. Warmup keeps the first large, noisy updates from wrecking a pre-trained model; 6 to 10 % of all steps is common. A ratio is a fraction of all steps (0 to 1).</source>
        <translation>Die ersten Schritte, in denen die Lernrate von 0 auf ihren Spitzenwert steigt. Warmup verhindert, dass die ersten großen, verrauschten Updates ein vortrainiertes Modell ruinieren; 6 bis 10 % aller Schritte sind üblich. Ein Anteil ist ein Bruchteil aller Schritte (0 bis 1).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Weight decay</source>
        <translation>Weight Decay</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+141"/>
        <source>≥ 0</source>
        <translation>≥ 0</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>AdamW&apos;s decoupled weight decay, a mild regulariser (biases and LayerNorm weights are exempt). 0.01 is the usual choice; 0 switches it off.</source>
        <translation>Entkoppelter Weight Decay von AdamW, ein milder Regularisierer (Biases und LayerNorm-Gewichte sind ausgenommen). 0,01 ist die übliche Wahl; 0 schaltet ihn ab.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no clipping</source>
        <translation>kein Clipping</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gradient clipping</source>
        <translation>Gradient Clipping</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max L2 norm</source>
        <translation>max. L2-Norm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scales the gradients down when their total norm exceeds this, which tames rare huge gradients (loss spikes). 1.0 is standard. The gradient norm plot shows how often the dashed line is crossed.</source>
        <translation>Skaliert die Gradienten herunter, wenn ihre Gesamtnorm diesen Wert übersteigt; das zähmt seltene riesige Gradienten (Loss-Spitzen). 1,0 ist Standard. Das Diagramm der Gradientennorm zeigt, wie oft die gestrichelte Linie überschritten wird.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>balanced</source>
        <translation>ausgewogen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>custom</source>
        <translation>benutzerdefiniert</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+179"/>
        <source>one weight per label, e.g. 1, 2.5, 1</source>
        <translation>ein Gewicht pro Label, z. B. 1, 2.5, 1</translation>
    </message>
    <message>
        <location line="-176"/>
        <source>Class weights</source>
        <translation>Klassengewichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights of the labels in the loss. &apos;none&apos; treats every row alike; &apos;balanced&apos; weights a label by n / (labels × its count), as scikit-learn does, so rare labels count more — useful when one label dominates. &apos;custom&apos;: one positive weight per label, in the dataset&apos;s label order.</source>
        <translation>Gewichte der Labels im Loss. „keine“ behandelt jede Zeile gleich; „ausgewogen“ gewichtet ein Label mit n / (Labels × seine Anzahl), wie scikit-learn, sodass seltene Labels mehr zählen — nützlich, wenn ein Label dominiert. „benutzerdefiniert“: ein positives Gewicht pro Label, in der Label-Reihenfolge des Datensatzes.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>AdamW&apos;s decay rates of its running means of the gradient (β1) and of its square (β2), and the ε that keeps the division safe. The defaults (0.9, 0.999, 1e-8) suit nearly every fine-tuning run.</source>
        <translation>Die Abklingraten von AdamW für die gleitenden Mittel des Gradienten (β1) und seines Quadrats (β2) sowie das ε, das die Division absichert. Die Standardwerte (0.9, 0.999, 1e-8) passen zu fast jedem Fine-Tuning-Lauf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Adam β1, β2</source>
        <translation>Adam β1, β2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in [0, 1)</source>
        <translation>in [0, 1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Adam ε</source>
        <translation>Adam ε</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&gt; 0</source>
        <translation>&gt; 0</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dropout and freezing</source>
        <translation>Dropout und Einfrieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hidden dropout</source>
        <translation>Hidden Dropout</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <location line="+4"/>
        <source>probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Dropout on the encoder&apos;s hidden states, in [0, 1). &apos;as the model&apos; keeps the checkpoint&apos;s value (0.1 for BERT). Raise it (0.2 to 0.3) when the model over-fits a small dataset; lower it for a very large one.</source>
        <translation>Dropout auf den Hidden States des Encoders, in [0, 1). „wie das Modell“ behält den Wert des Checkpoints (0,1 bei BERT). Erhöhen Sie ihn (0,2 bis 0,3), wenn das Modell einen kleinen Datensatz overfittet; senken Sie ihn bei einem sehr großen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attention dropout</source>
        <translation>Attention Dropout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dropout on the attention weights, in [0, 1). Usually left as the model.</source>
        <translation>Dropout auf den Attention-Gewichten, in [0, 1). Meist wie beim Modell belassen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classifier dropout</source>
        <translation>Classifier Dropout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dropout just before the classification head, in [0, 1). &apos;as the model&apos; keeps the checkpoint&apos;s (for BERT: the hidden dropout).</source>
        <translation>Dropout direkt vor dem Klassifikations-Head, in [0, 1). „wie das Modell“ behält den des Checkpoints (bei BERT: das Hidden Dropout).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Freeze layers</source>
        <translation>Schichten einfrieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bottom layers</source>
        <translation>untere Schichten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freeze the embeddings and the bottom N encoder layers: they keep their pre-trained weights. Faster, and less prone to over-fitting on small data, at some cost in accuracy. At most the model&apos;s layers.</source>
        <translation>Die Embeddings und die untersten N Encoder-Schichten einfrieren: Sie behalten ihre vortrainierten Gewichte. Schneller und weniger anfällig für Overfitting bei wenig Daten, auf Kosten von etwas Accuracy. Höchstens die Schichten des Modells.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Embeddings</source>
        <translation>Embeddings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freeze the token, position and segment embeddings only. Helps a small dataset keep the pre-trained vocabulary intact.</source>
        <translation>Nur die Token-, Positions- und Segment-Embeddings einfrieren. Hilft einem kleinen Datensatz, das vortrainierte Vokabular intakt zu halten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Head only</source>
        <translation>Nur Head</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the classification head alone, with the whole encoder frozen (a linear probe). Fast and a good baseline; it needs a higher learning rate (around 1e-3).</source>
        <translation>Nur den Klassifikations-Head trainieren, mit komplett eingefrorenem Encoder (eine Linear Probe). Schnell und eine gute Baseline; braucht eine höhere Lernrate (etwa 1e-3).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Evaluation, checkpoints, early stopping</source>
        <translation>Evaluierung, Checkpoints, Early Stopping</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Validate every</source>
        <translation>Validieren alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the validation part every N optimizer steps (&apos;each epoch&apos;: at the end of every epoch). More evaluations give a finer validation curve and earlier stopping, at the cost of time. The last step is always validated.</source>
        <translation>Den Validierungsteil alle N Optimizer-Schritte ausführen („jede Epoche“: am Ende jeder Epoche). Mehr Evaluierungen ergeben eine feinere Validierungskurve und früheres Stoppen, kosten aber Zeit. Der letzte Schritt wird immer validiert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checkpoint every</source>
        <translation>Checkpoint alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also write the resumable &apos;last&apos; checkpoint every N steps (&apos;each epoch&apos;: only at epoch ends, on pause, stop and completion). Lower it for long epochs, so that a crash loses less.</source>
        <translation>Den fortsetzbaren Checkpoint „last“ zusätzlich alle N Schritte schreiben („jede Epoche“: nur am Epochenende, bei Pause, Stopp und Abschluss). Senken Sie den Wert bei langen Epochen, damit ein Absturz weniger kostet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>validation macro-F1</source>
        <translation>Validierungs-Macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation accuracy</source>
        <translation>Validierungs-Accuracy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation loss</source>
        <translation>Validierungs-Loss</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Best checkpoint by</source>
        <translation>Bester Checkpoint nach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which validation value picks the &apos;best&apos; checkpoint, the one evaluation and export use. Macro-F1 suits imbalanced labels; the validation loss is the smoothest.</source>
        <translation>Welcher Validierungswert den „besten“ Checkpoint bestimmt, den Evaluierung und Export verwenden. Macro-F1 passt zu unausgewogenen Labels; der Validierungs-Loss ist am glattesten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batching</source>
        <translation>Batching</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch rows of similar length together and pad each batch only to its longest row: much faster on texts of mixed lengths. Batches are still shuffled (seeded).</source>
        <translation>Zeilen ähnlicher Länge zusammen batchen und jeden Batch nur bis zu seiner längsten Zeile auffüllen: viel schneller bei Texten gemischter Länge. Die Batches werden weiterhin gemischt (mit Seed).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stops when the validation metric has not improved for N evaluations (the patience). Watch the validation curve: when it flattens or turns while the training loss keeps falling, the model starts to memorise the training rows.</source>
        <translation>Stoppt, wenn sich die Validierungsmetrik N Evaluierungen lang nicht verbessert hat (die Patience). Beobachten Sie die Validierungskurve: Wenn sie abflacht oder dreht, während der Trainings-Loss weiter fällt, beginnt das Modell, die Trainingszeilen auswendig zu lernen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Early stopping</source>
        <translation>Early Stopping</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Watch</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patience</source>
        <translation>Patience</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evaluations</source>
        <translation>Evaluierungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluations in a row without improvement before training stops. With validation at each epoch end, 2 or 3; with frequent validation, more.</source>
        <translation>Evaluierungen ohne Verbesserung in Folge, bevor das Training stoppt. Mit Validierung am Epochenende 2 oder 3; bei häufiger Validierung mehr.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Min delta</source>
        <translation>Min. Delta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An improvement must exceed this to count, in the metric&apos;s units: 0.001 is a tenth of a percentage point of accuracy.</source>
        <translation>Eine Verbesserung muss diesen Wert übersteigen, um zu zählen, in Einheiten der Metrik: 0,001 ist ein Zehntel Prozentpunkt Accuracy.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reproducibility and hardware</source>
        <translation>Reproduzierbarkeit und Hardware</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds the new weights, dropout and the batch order. Same seed, machine and threads: the same losses. Try two or three seeds before trusting a small difference between two runs.</source>
        <translation>Seed für die neuen Gewichte, das Dropout und die Batch-Reihenfolge. Gleicher Seed, gleiche Maschine und gleiche Threads: dieselben Losses. Probieren Sie zwei oder drei Seeds, bevor Sie einem kleinen Unterschied zwischen zwei Läufen trauen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CPU threads</source>
        <translation>CPU-Threads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compute threads (&apos;all cores&apos;: every core of this machine). Fewer leave room for other work; the losses depend on the count, so keep it when comparing runs.</source>
        <translation>Rechen-Threads („alle Kerne“: jeder Kern dieser Maschine). Weniger lassen Raum für andere Arbeit; die Losses hängen von der Anzahl ab, behalten Sie sie also bei, wenn Sie Läufe vergleichen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cpu; cuda (the first GPU) or cuda:N; auto: a GPU when this build and machine have one, else the CPU.</source>
        <translation>cpu; cuda (die erste GPU) oder cuda:N; auto: eine GPU, wenn dieser Build und diese Maschine eine haben, sonst die CPU.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Validation batch</source>
        <translation>Validierungs-Batch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows per validation batch: speed and memory only, the scores do not change.</source>
        <translation>Zeilen pro Validierungs-Batch: nur Geschwindigkeit und Speicher, die Scores ändern sich nicht.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>one weight each for %1</source>
        <translation>je ein Gewicht für %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (Model page)</source>
        <translation>%1 (Seite „Modell wählen“)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 layers, up to %2 tokens.</source>
        <translation>%1 Schichten, bis zu %2 Token.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> Random weights: for trying the workflow; expect modest accuracy.</source>
        <translation> Zufällige Gewichte: zum Ausprobieren des Ablaufs; erwarten Sie eine bescheidene Accuracy.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Split #%1, as the loaded config says.</source>
        <translation>Aufteilung #%1, wie in der geladenen Config angegeben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>required: a folder with vocab.txt</source>
        <translation>erforderlich: ein Ordner mit vocab.txt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty: built from the data</source>
        <translation>leer: aus den Daten erstellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the model folder&apos;s own</source>
        <translation>der eigene des Modellordners</translation>
    </message>
    <message>
        <location line="+310"/>
        <source>Preset %1 applied</source>
        <translation>Voreinstellung %1 angewendet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The form has errors; fix the flagged fields first (%1).</source>
        <translation>Das Formular enthält Fehler; korrigieren Sie zuerst die markierten Felder (%1).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: cannot write the run config: %2</source>
        <translation>%1: Die Run-Config kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Save the run config</source>
        <translation>Run-Config speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run configs (*.json)</source>
        <translation>Run-Configs (*.json)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved %1 — &apos;finetune train --config&apos; runs it unchanged</source>
        <translation>%1 gespeichert — „finetune train --config“ führt sie unverändert aus</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Load a run config</source>
        <translation>Run-Config laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run configs (*.json);;All files (*)</source>
        <translation>Run-Configs (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not loaded: %1</source>
        <translation>Nicht geladen: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loaded %1</source>
        <translation>%1 geladen</translation>
    </message>
</context>
<context>
    <name>ft::ui::ImportWizard</name>
    <message>
        <location filename="../ui/importwizard.cpp" line="+74"/>
        <location line="+252"/>
        <source>Import data</source>
        <translation>Daten importieren</translation>
    </message>
    <message>
        <location line="-244"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose the data</source>
        <translation>Daten wählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV, TSV, JSON, JSON Lines or plain &quot;label TAB text&quot; lines. Several files of the same format can go into one dataset.</source>
        <translation>CSV, TSV, JSON, JSON Lines oder einfache Zeilen „Label TAB Text“. Mehrere Dateien desselben Formats können in einen Datensatz eingehen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add files…</source>
        <translation>Dateien hinzufügen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A new name creates a dataset; an existing one appends the rows</source>
        <translation>Ein neuer Name legt einen Datensatz an; ein vorhandener hängt die Zeilen an</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Dataset:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first file&apos;s format is detected on the next page and used for every file. Rows are added to the dataset named below; the files themselves are never changed.</source>
        <translation>Das Format der ersten Datei wird auf der nächsten Seite erkannt und für jede Datei verwendet. Die Zeilen kommen in den unten genannten Datensatz; die Dateien selbst werden nie verändert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Files:</source>
        <translation>Dateien:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Check the format</source>
        <translation>Format prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detected from the start of the first file. Change any option and the preview follows.</source>
        <translation>Aus dem Anfang der ersten Datei erkannt. Ändern Sie eine Option, und die Vorschau folgt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+8"/>
        <location line="+8"/>
        <location line="+7"/>
        <location line="+5"/>
        <location line="+194"/>
        <source>Detect</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <location line="-221"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TSV</source>
        <translation>TSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (array of objects)</source>
        <translation>JSON (Array von Objekten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines: label and text</source>
        <translation>Zeilen: Label und Text</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 mit BOM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTF-16 LE</source>
        <translation>UTF-16 LE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTF-16 BE</source>
        <translation>UTF-16 BE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows-1252</source>
        <translation>Windows-1252</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+14"/>
        <source>Comma ,</source>
        <translation>Komma ,</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+11"/>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+13"/>
        <source>Semicolon ;</source>
        <translation>Semikolon ;</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Pipe |</source>
        <translation>Senkrechter Strich |</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Yes, the first row names the columns</source>
        <translation>Ja, die erste Zeile benennt die Spalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No, the first row is data</source>
        <translation>Nein, die erste Zeile enthält Daten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Space</source>
        <translation>Leerzeichen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Colon :</source>
        <translation>Doppelpunkt :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First: label, then text</source>
        <translation>Zuerst: Label, dann Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last: text, then label</source>
        <translation>Zuletzt: Text, dann Label</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whole value</source>
        <translation>Ganzer Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coarse: the part before &apos;:&apos; (&quot;LOC:city&quot; → &quot;LOC&quot;)</source>
        <translation>Grob: der Teil vor „:“ („LOC:city“ → „LOC“)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoding:</source>
        <translation>Kodierung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delimiter:</source>
        <translation>Trennzeichen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header row:</source>
        <translation>Kopfzeile:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Separator:</source>
        <translation>Trenner:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label side:</source>
        <translation>Label-Seite:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label value:</source>
        <translation>Label-Wert:</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Map the columns</source>
        <translation>Spalten zuordnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which column holds the text to classify, and which the label.</source>
        <translation>Welche Spalte den zu klassifizierenden Text enthält und welche das Label.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>For tasks on two texts, such as question and answer</source>
        <translation>Für Aufgaben mit zwei Texten, etwa Frage und Antwort</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Value in the file</source>
        <translation>Wert in der Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label shown</source>
        <translation>Angezeigtes Label</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Text column:</source>
        <translation>Textspalte:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text pair column:</source>
        <translation>Spalte für Textpaar:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label column:</source>
        <translation>Label-Spalte:</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Data files (*.csv *.tsv *.txt *.json *.jsonl *.ndjson *.data *.train *.test);;All files (*)</source>
        <translation>Datendateien (*.csv *.tsv *.txt *.json *.jsonl *.ndjson *.data *.train *.test);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Detect (found: %1)</source>
        <translation>Erkennen (gefunden: %1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add a file first.</source>
        <translation>Fügen Sie zuerst eine Datei hinzu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file cannot be read with these options: %1</source>
        <translation>Diese Datei kann mit diesen Optionen nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing to note.</source>
        <translation>Nichts zu beanstanden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>None — one text per row</source>
        <translation>Keine — ein Text pro Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No label — I will label in the table</source>
        <translation>Kein Label — ich labele in der Tabelle</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The rows are imported without labels. Label them in the table afterwards: type a label in the Label column, then press 1–9.</source>
        <translation>Die Zeilen werden ohne Labels importiert. Labeln Sie sie danach in der Tabelle: Geben Sie ein Label in der Spalte „Label“ ein und drücken Sie dann 1–9.</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Label values in the first %n row(s). Double-click a name on the right to show it differently (e.g. 0 → negative); values that appear only further down keep their name.</source>
        <translation>
            <numerusform>Label-Werte aus %n Zeile am Dateianfang. Doppelklicken Sie rechts auf einen Namen, um ihn anders anzuzeigen (z. B. 0 → negativ); Werte, die erst weiter unten vorkommen, behalten ihren Namen.</numerusform>
            <numerusform>Label-Werte aus den ersten %n Zeilen. Doppelklicken Sie rechts auf einen Namen, um ihn anders anzuzeigen (z. B. 0 → negativ); Werte, die erst weiter unten vorkommen, behalten ihren Namen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n row(s) in the preview</source>
        <translation>
            <numerusform>%n Zeile in der Vorschau</numerusform>
            <numerusform>%n Zeilen in der Vorschau</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ft::ui::JobController</name>
    <message>
        <location filename="../ui/jobcontroller.cpp" line="+107"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cleaning preview</source>
        <translation>Bereinigungsvorschau</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cleaning</source>
        <translation>Bereinigung</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Statistics</source>
        <translation>Statistiken</translation>
    </message>
</context>
<context>
    <name>ft::ui::JobProgress</name>
    <message>
        <location filename="../ui/jobprogress.cpp" line="+18"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stop this job; nothing it started is saved</source>
        <translation>Diesen Job stoppen; nichts, was er begonnen hat, wird gespeichert</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>ft::ui::LabelDelegate</name>
    <message>
        <location filename="../ui/labeldelegate.cpp" line="+18"/>
        <location line="+20"/>
        <source>(no label)</source>
        <translation>(kein Label)</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Type a new label</source>
        <translation>Neues Label eingeben</translation>
    </message>
</context>
<context>
    <name>ft::ui::LogPanel</name>
    <message>
        <location filename="../ui/logpanel.cpp" line="+34"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Imports, cleaning, splits and errors are logged here.</source>
        <translation>Importe, Bereinigung, Aufteilungen und Fehler werden hier protokolliert.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>debug</source>
        <translation>Debug</translation>
    </message>
</context>
<context>
    <name>ft::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+214"/>
        <source>Prepare data</source>
        <translation>Daten vorbereiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select model</source>
        <translation>Modell wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fine-tune</source>
        <translation>Fine-Tuning</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evaluate</source>
        <translation>Evaluieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deploy</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export a run as a verified folder, keep its versions in the registry, and write the data as OpenAI JSONL</source>
        <translation>Einen Lauf als verifizierten Ordner exportieren, seine Versionen in der Registry verwalten und die Daten als OpenAI-JSONL schreiben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Metrics with intervals, the confusion matrix and its rows, ROC / PR curves, baselines and run comparison</source>
        <translation>Metriken mit Intervallen, die Konfusionsmatrix und ihre Zeilen, ROC-/PR-Kurven, Baselines und Vergleich von Läufen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set the hyperparameters, train with live curves, pause, resume and compare runs</source>
        <translation>Hyperparameter einstellen, mit Live-Kurven trainieren, pausieren, fortsetzen und Läufe vergleichen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a pre-trained model, preview its tokenizer and check memory and speed</source>
        <translation>Ein vortrainiertes Modell wählen, seinen Tokenizer ansehen und Speicher und Geschwindigkeit prüfen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import, label, clean and split your data</source>
        <translation>Daten importieren, labeln, bereinigen und aufteilen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the &amp;Sample Project</source>
        <translation>Beis&amp;pielprojekt öffnen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Close Project</source>
        <translation>Projekt &amp;schließen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Log</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Run</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Guided Tour</source>
        <translation>&amp;Geführte Tour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A short walk through the five stages (needs an open project)</source>
        <translation>Ein kurzer Rundgang durch die fünf Stufen (braucht ein geöffnetes Projekt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Finetune Studio</source>
        <translation>Ü&amp;ber Finetune Studio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Start Training</source>
        <translation>Training &amp;starten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top Training</source>
        <translation>Training s&amp;toppen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Evaluate Run</source>
        <translation>Lauf &amp;evaluieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport Run</source>
        <translation>Lauf e&amp;xportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location line="+70"/>
        <location line="+98"/>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>The project could not be created.

%1</source>
        <translation>Das Projekt konnte nicht angelegt werden.

%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 could not be opened as a project.

%2</source>
        <translation>%1 konnte nicht als Projekt geöffnet werden.

%2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Close project</source>
        <translation>Projekt schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A job is still changing this project. Cancel it and close? Nothing it has started is saved.</source>
        <translation>Ein Job ändert dieses Projekt noch. Abbrechen und schließen? Nichts, was er begonnen hat, wird gespeichert.</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+7"/>
        <source>Sample project</source>
        <translation>Beispielprojekt</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>This build does not contain the sample dataset.</source>
        <translation>Dieser Build enthält den Beispieldatensatz nicht.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sample dataset could not be written to %1.</source>
        <translation>Der Beispieldatensatz konnte nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>my-classifier</source>
        <translation>mein-klassifikator</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Location</source>
        <translation>Speicherort</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The project folder will be %1</source>
        <translation>Der Projektordner wird %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location:</source>
        <translation>Speicherort:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open project folder</source>
        <translation>Projektordner öffnen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Preferences saved</source>
        <translation>Einstellungen gespeichert</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open a project (or the sample project) to take the tour</source>
        <translation>Öffnen Sie ein Projekt (oder das Beispielprojekt), um die Tour zu starten</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Clear the List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 — Finetune Studio</source>
        <translation>%1 — Finetune Studio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finetune Studio</source>
        <translation>Finetune Studio</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No rows</source>
        <translation>Keine Zeilen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 rows shown</source>
        <translation>%1 von %2 Zeilen angezeigt</translation>
    </message>
</context>
<context>
    <name>ft::ui::ModelLoadWorker</name>
    <message>
        <location filename="../ui/modelpage.cpp" line="+217"/>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
</context>
<context>
    <name>ft::ui::ModelPage</name>
    <message>
        <location line="-149"/>
        <source>%1 layers × hidden %2, %3 heads</source>
        <translation>%1 Schichten × Hidden %2, %3 Heads</translation>
    </message>
    <message>
        <location line="+260"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>BERT reads the whole text in both directions, which makes it strong at understanding: text classification, sentence pairs, named entities. A solid default.</source>
        <translation>BERT liest den ganzen Text in beide Richtungen und ist damit stark im Verstehen: Textklassifikation, Satzpaare, Named Entities. Eine solide Standardwahl.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>RoBERTa is BERT trained longer on more data with better settings: usually a little more accurate for classification and named entities at the same size.</source>
        <translation>RoBERTa ist BERT, länger auf mehr Daten mit besseren Einstellungen trainiert: bei gleicher Größe meist etwas genauer bei Klassifikation und Named Entities.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DistilBERT is about 40 % smaller and 60 % faster than BERT-base and keeps about 97 % of its accuracy: the choice when memory or time is tight.</source>
        <translation>DistilBERT ist etwa 40 % kleiner und 60 % schneller als BERT-base und behält etwa 97 % seiner Accuracy: die Wahl, wenn Speicher oder Zeit knapp sind.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>GPT-2 reads left to right and is built to generate text. It classifies from the last token only, so it is usually weaker at classification than an encoder of the same size.</source>
        <translation>GPT-2 liest von links nach rechts und ist zum Generieren von Text gebaut. Es klassifiziert nur anhand des letzten Tokens und ist daher bei Klassifikation meist schwächer als ein Encoder gleicher Größe.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>XLNet is a permutation language model: it sees context on both sides while training like a generator. Good at long texts, slower to fine-tune.</source>
        <translation>XLNet ist ein Permutations-Sprachmodell: Es sieht Kontext auf beiden Seiten und trainiert dabei wie ein Generator. Gut bei langen Texten, langsamer beim Fine-Tuning.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Measure speed</source>
        <translation>Geschwindigkeit messen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Measuring: %1…</source>
        <translation>Messung: %1…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The measurement failed: %1</source>
        <translation>Die Messung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Measurement cancelled.</source>
        <translation>Messung abgebrochen.</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+112"/>
        <source>Open checkpoint folder…</source>
        <translation>Checkpoint-Ordner öffnen…</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>A Hugging Face model folder: config.json, model.safetensors (or pytorch_model.bin) and the tokenizer files</source>
        <translation>Ein Hugging-Face-Modellordner: config.json, model.safetensors (oder pytorch_model.bin) und die Tokenizer-Dateien</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Hugging Face cache</source>
        <translation>Hugging-Face-Cache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened folders</source>
        <translation>Geöffnete Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built-in (randomly initialised)</source>
        <translation>Eingebaut (zufällig initialisiert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Randomly initialised — for trying the workflow, not for real accuracy.</source>
        <translation>Zufällig initialisiert — zum Ausprobieren des Ablaufs, nicht für echte Accuracy.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: a BERT of %2, randomly initialised — for trying the workflow, not for real accuracy.</source>
        <translation>%1: ein BERT mit %2, zufällig initialisiert — zum Ausprobieren des Ablaufs, nicht für echte Accuracy.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Rescan cache</source>
        <translation>Cache neu durchsuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Look for new downloads in the Hugging Face cache again</source>
        <translation>Erneut nach neuen Downloads im Hugging-Face-Cache suchen</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Choose a model to fine-tune</source>
        <translation>Wählen Sie ein Modell für das Fine-Tuning</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pick a checkpoint from your Hugging Face cache on the left, open a downloaded
model folder, or try the workflow with a small built-in shape.</source>
        <translation>Wählen Sie links einen Checkpoint aus Ihrem Hugging-Face-Cache, öffnen Sie einen heruntergeladenen
Modellordner oder probieren Sie den Ablauf mit einer kleinen eingebauten Architektur aus.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&lt;b&gt;Randomly initialised&lt;/b&gt; — for trying the workflow, not for real accuracy. It has learnt nothing yet: expect results near chance. It has no vocabulary file either, so there is no tokenizer to preview.</source>
        <translation>&lt;b&gt;Zufällig initialisiert&lt;/b&gt; — zum Ausprobieren des Ablaufs, nicht für echte Accuracy. Es hat noch nichts gelernt: Erwarten Sie Ergebnisse nahe am Zufall. Es hat auch keine Vokabulardatei, daher gibt es keinen Tokenizer für die Vorschau.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden size</source>
        <translation>Hidden Size</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Attention heads</source>
        <translation>Attention Heads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vocabulary</source>
        <translation>Vokabular</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Max positions</source>
        <translation>Max. Positionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Tokenizer preview</source>
        <translation>Tokenizer-Vorschau</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Pre-flight check</source>
        <translation>Vorabprüfung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Texts per training step</source>
        <translation>Texte pro Trainingsschritt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tokens per text; longer texts are cut off (see the tokenizer preview)</source>
        <translation>Token pro Text; längere Texte werden abgeschnitten (siehe Tokenizer-Vorschau)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Batch size:</source>
        <translation>Batch-Größe:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Max length:</source>
        <translation>Max. Länge:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Memory for training (float32, AdamW)</source>
        <translation>Speicher für das Training (float32, AdamW)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Speed on this machine</source>
        <translation>Geschwindigkeit auf dieser Maschine</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+517"/>
        <source>Runs three training steps of a model of this shape on a dummy batch (a few seconds for small models)</source>
        <translation>Führt drei Trainingsschritte eines Modells dieser Architektur auf einem Dummy-Batch aus (bei kleinen Modellen ein paar Sekunden)</translation>
    </message>
    <message>
        <location line="-385"/>
        <source>Open a checkpoint folder (config.json + weights + tokenizer)</source>
        <translation>Einen Checkpoint-Ordner öffnen (config.json + Gewichte + Tokenizer)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Built-in shapes come without a vocabulary, so there is nothing to preview.</source>
        <translation>Eingebaute Architekturen haben kein Vokabular, daher gibt es keine Vorschau.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This folder has no tokenizer files (tokenizer.json, vocab.txt, vocab.json + merges.txt or spiece.model).</source>
        <translation>Dieser Ordner hat keine Tokenizer-Dateien (tokenizer.json, vocab.txt, vocab.json + merges.txt oder spiece.model).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Loaded %1</source>
        <translation>%1 geladen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The project&apos;s model %1 could not be loaded: %2</source>
        <translation>Das Modell %1 des Projekts konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The model could not be loaded</source>
        <translation>Das Modell konnte nicht geladen werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 could not be loaded. %2 stays selected.</source>
        <translation>%1 konnte nicht geladen werden. %2 bleibt ausgewählt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 could not be loaded.</source>
        <translation>%1 konnte nicht geladen werden.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Hugging Face cache (%1)</source>
        <translation>Hugging-Face-Cache (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No Hugging Face cache folder was found</source>
        <translation>Kein Hugging-Face-Cache-Ordner gefunden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot be opened: %1</source>
        <translation>kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No cache found (%1)</source>
        <translation>Kein Cache gefunden (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Models downloaded with transformers or huggingface-cli appear here. Choose another folder in Edit → Preferences… if your cache lives elsewhere.</source>
        <translation>Mit transformers oder huggingface-cli heruntergeladene Modelle erscheinen hier. Wählen Sie unter Bearbeiten → Einstellungen… einen anderen Ordner, wenn Ihr Cache woanders liegt.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>No models downloaded yet</source>
        <translation>Noch keine Modelle heruntergeladen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>None yet — use “Open checkpoint folder…”</source>
        <translation>Noch keine — „Checkpoint-Ordner öffnen…“ verwenden</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No model is loaded.</source>
        <translation>Kein Modell geladen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Built-in shape “%1” · model type %2</source>
        <translation>Eingebaute Architektur „%1“ · Modelltyp %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · model type %2 · %3</source>
        <translation>%1 · Modelltyp %2 · %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 parameters</source>
        <translation>%1 Parameter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in memory · %1</source>
        <translation>im Speicher · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2 (stored %3)</source>
        <translation>%1 · %2 (gespeichert als %3)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;b&gt;Head:&lt;/b&gt; %1 — fine-tuning replaces it with a classification head for your labels.</source>
        <translation>&lt;b&gt;Head:&lt;/b&gt; %1 — das Fine-Tuning ersetzt ihn durch einen Klassifikations-Head für Ihre Labels.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Labels (%1):&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Labels (%1):&lt;/b&gt; %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your dataset&apos;s labels are different (%1); fine-tuning gives the model a new head for them.</source>
        <translation>Die Labels Ihres Datensatzes sind andere (%1); das Fine-Tuning gibt dem Modell einen neuen Head für sie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>— the same as your dataset&apos;s</source>
        <translation>— dieselben wie in Ihrem Datensatz</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not in the checkpoint, so they start random and are learnt during fine-tuning: %1</source>
        <translation>Nicht im Checkpoint, daher starten sie zufällig und werden beim Fine-Tuning gelernt: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checkpoint weights this model does not use: %1</source>
        <translation>Checkpoint-Gewichte, die dieses Modell nicht verwendet: %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gradients</source>
        <translation>Gradienten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optimizer</source>
        <translation>Optimizer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>activations</source>
        <translation>Aktivierungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1&lt;br&gt;&lt;b&gt;%2 needed&lt;/b&gt; · %3</source>
        <translation>%1&lt;br&gt;&lt;b&gt;%2 benötigt&lt;/b&gt; · %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 free now</source>
        <translation>%1 jetzt frei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>free memory unknown</source>
        <translation>freier Speicher unbekannt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This system does not report its free memory; compare the total with your machine&apos;s memory.</source>
        <translation>Dieses System meldet seinen freien Speicher nicht; vergleichen Sie die Summe mit dem Speicher Ihrer Maschine.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>batch size %1</source>
        <translation>die Batch-Größe auf %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max length %1</source>
        <translation>die max. Länge auf %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Even batch size 1 is too much at this length: lower the max length a lot, or choose a smaller model (DistilBERT, a compact BERT).</source>
        <translation>Selbst Batch-Größe 1 ist bei dieser Länge zu viel: Senken Sie die max. Länge deutlich oder wählen Sie ein kleineres Modell (DistilBERT, ein kompaktes BERT).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lower the %1.</source>
        <translation>Senken Sie %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> or the </source>
        <translation> oder </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>✔ &lt;b&gt;Fits&lt;/b&gt; — about %1 % of the free memory.</source>
        <translation>✔ &lt;b&gt;Passt&lt;/b&gt; — etwa %1 % des freien Speichers.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Tight&lt;/b&gt; — it needs most of the free memory; other programs could push it out. %1</source>
        <translation>&lt;b&gt;Knapp&lt;/b&gt; — es braucht den Großteil des freien Speichers; andere Programme könnten es verdrängen. %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Will not fit&lt;/b&gt; — it needs %1 more than is free. %2</source>
        <translation>&lt;b&gt;Passt nicht&lt;/b&gt; — es braucht %1 mehr, als frei ist. %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lower the batch size or max length first: this would not fit in memory</source>
        <translation>Senken Sie zuerst Batch-Größe oder max. Länge: Das würde nicht in den Speicher passen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Measuring three training steps at batch %1 × %2 tokens…</source>
        <translation>Drei Trainingsschritte bei Batch %1 × %2 Token werden gemessen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancelling after the current step…</source>
        <translation>Abbruch nach dem aktuellen Schritt…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not measured yet. Measuring takes three training steps on this machine&apos;s processor.</source>
        <translation>Noch nicht gemessen. Die Messung dauert drei Trainingsschritte auf dem Prozessor dieser Maschine.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;%1 per step&lt;/b&gt; at batch %2 × %3 tokens (median of %4 steps).</source>
        <translation>&lt;b&gt;%1 pro Schritt&lt;/b&gt; bei Batch %2 × %3 Token (Median von %4 Schritten).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>One epoch of %1 training rows = %2 steps ≈ &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation>Eine Epoche mit %1 Trainingszeilen = %2 Schritte ≈ &lt;b&gt;%3&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(70 % of the labelled rows: split the data for the exact count)</source>
        <translation>(70 % der gelabelten Zeilen: Teilen Sie die Daten auf für die genaue Anzahl)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import and split a dataset to see the time per epoch.</source>
        <translation>Importieren Sie einen Datensatz und teilen Sie ihn auf, um die Zeit pro Epoche zu sehen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Measured with other settings: measure again for batch %1 × %2.</source>
        <translation>Mit anderen Einstellungen gemessen: Messen Sie erneut für Batch %1 × %2.</translation>
    </message>
</context>
<context>
    <name>ft::ui::RowsTableModel</name>
    <message>
        <location filename="../ui/rowstablemodel.cpp" line="+31"/>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>(dropped: duplicate)</source>
        <translation>(verworfen: Duplikat)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(dropped: empty)</source>
        <translation>(verworfen: leer)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>In the file: %1</source>
        <translation>In der Datei: %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text pair</source>
        <translation>Textpaar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cleaned text</source>
        <translation>Bereinigter Text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Split</source>
        <translation>Teil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source line</source>
        <translation>Quellzeile</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Record number within its source file</source>
        <translation>Nummer des Datensatzes in seiner Quelldatei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Double-click to edit, or press 1–9 on a row; 0 clears</source>
        <translation>Doppelklicken zum Bearbeiten oder 1–9 auf einer Zeile drücken; 0 löscht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File and line the record was read from</source>
        <translation>Datei und Zeile, aus der der Datensatz gelesen wurde</translation>
    </message>
</context>
<context>
    <name>ft::ui::RowsTableView</name>
    <message>
        <location filename="../ui/rowstableview.cpp" line="+47"/>
        <source>No unlabelled row below this one.</source>
        <translation>Keine Zeile ohne Label unterhalb dieser.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The dataset has no labels yet: double-click a Label cell and type one.</source>
        <translation>Der Datensatz hat noch keine Labels: Doppelklicken Sie auf eine Label-Zelle und geben Sie eines ein.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>There is no label %1 (the dataset has %n label(s)).</source>
        <translation>
            <numerusform>Es gibt kein Label %1 (der Datensatz hat %n Label).</numerusform>
            <numerusform>Es gibt kein Label %1 (der Datensatz hat %n Labels).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Row %1 labelled %2</source>
        <translation>Zeile %1 als %2 gelabelt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label of row %1 cleared</source>
        <translation>Label von Zeile %1 gelöscht</translation>
    </message>
</context>
<context>
    <name>ft::ui::RunHistory</name>
    <message>
        <location filename="../ui/runhistory.cpp" line="+170"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use this config</source>
        <translation>Diese Config verwenden</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Select a run to see its config.</source>
        <translation>Wählen Sie einen Lauf, um seine Config zu sehen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continue this run from its last checkpoint, at the same step and with the same data order.</source>
        <translation>Diesen Lauf ab seinem letzten Checkpoint fortsetzen, beim selben Schritt und mit derselben Datenreihenfolge.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load this run&apos;s settings into the form, to repeat or vary it.</source>
        <translation>Die Einstellungen dieses Laufs ins Formular laden, um ihn zu wiederholen oder abzuwandeln.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>No runs yet. Set the hyperparameters and press Start.</source>
        <translation>Noch keine Läufe. Stellen Sie die Hyperparameter ein und klicken Sie auf „Starten“.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a run to see its curves and config.</source>
        <translation>Wählen Sie einen Lauf, um seine Kurven und Config zu sehen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;#%1 %2&lt;/b&gt; — %3&lt;br&gt;Model: %4</source>
        <translation>&lt;b&gt;#%1 %2&lt;/b&gt; — %3&lt;br&gt;Modell: %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;br&gt;Best: %1 at step %2</source>
        <translation>&lt;br&gt;Bester Wert: %1 bei Schritt %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;br&gt;The process training it ended unexpectedly; Resume continues from the last checkpoint.</source>
        <translation>&lt;br&gt;Der Prozess, der ihn trainierte, endete unerwartet; „Fortsetzen“ macht beim letzten Checkpoint weiter.</translation>
    </message>
</context>
<context>
    <name>ft::ui::RunHistoryModel</name>
    <message>
        <location line="-262"/>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>macro-F1</source>
        <translation>Macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>val. loss</source>
        <translation>Val.-Loss</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The process that trained it ended without finishing it; Resume continues from its last checkpoint.</source>
        <translation>Der Prozess, der ihn trainierte, endete, ohne ihn abzuschließen; „Fortsetzen“ macht bei seinem letzten Checkpoint weiter.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Best</source>
        <translation>Bestwert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
</context>
<context>
    <name>ft::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="+51"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training and inference</source>
        <translation>Training und Inferenz</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All cores (%1)</source>
        <translation>Alle Kerne (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compute threads for training, evaluation and export. New runs start with this count; fewer threads leave room for other work.</source>
        <translation>Rechen-Threads für Training, Evaluierung und Export. Neue Läufe starten mit dieser Anzahl; weniger Threads lassen Raum für andere Arbeit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cores on this machine: %1</source>
        <translation>Kerne dieser Maschine: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUDA (first GPU)</source>
        <translation>CUDA (erste GPU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This LibTorch build or this machine has no usable CUDA GPU.</source>
        <translation>Dieser LibTorch-Build oder diese Maschine hat keine nutzbare CUDA-GPU.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Train and evaluate on the GPU</source>
        <translation>Auf der GPU trainieren und evaluieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The device new runs train on</source>
        <translation>Das Gerät, auf dem neue Läufe trainieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A CUDA GPU is available.</source>
        <translation>Eine CUDA-GPU ist verfügbar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not set: %1</source>
        <translation>Nicht gesetzt: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Projects folder</source>
        <translation>Projektordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where New project and Open project start</source>
        <translation>Wo „Neues Projekt“ und „Projekt öffnen“ beginnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Projects:</source>
        <translation>&amp;Projekte:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not set: the project&apos;s exports folder</source>
        <translation>Nicht gesetzt: der Exportordner des Projekts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exports folder</source>
        <translation>Exportordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the Deploy page&apos;s folder and file dialogs start</source>
        <translation>Wo die Ordner- und Dateidialoge der Seite „Bereitstellen“ beginnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Exports:</source>
        <translation>E&amp;xporte:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic: %1</source>
        <translation>Automatisch: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hugging Face cache</source>
        <translation>Hugging-Face-Cache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Hugging Face hub cache the Select model page lists. Empty: $HF_HUB_CACHE, $HF_HOME/hub or ~/.cache/huggingface/hub, as huggingface_hub finds it.</source>
        <translation>Der Hugging-Face-Hub-Cache, den die Seite „Modell wählen“ auflistet. Leer: $HF_HUB_CACHE, $HF_HOME/hub oder ~/.cache/huggingface/hub, so wie huggingface_hub ihn findet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hugging Face cache:</source>
        <translation>&amp;Hugging-Face-Cache:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;heme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The language and theme take effect after a restart.</source>
        <translation>Sprache und Design werden nach einem Neustart wirksam.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>ft::ui::ShortcutsDialog</name>
    <message>
        <location filename="../ui/shortcutsdialog.cpp" line="+104"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The shortcuts also appear in the menus and in the tooltips of the buttons they press.</source>
        <translation>Die Tastenkürzel stehen auch in den Menüs und in den Tooltips der Schaltflächen, die sie auslösen.</translation>
    </message>
</context>
<context>
    <name>ft::ui::SplitPanel</name>
    <message>
        <location filename="../ui/splitpanel.cpp" line="+49"/>
        <source>Stratified by label</source>
        <translation>Stratifiziert nach Label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split</source>
        <translation>Aufteilen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The same seed and data always give the same split.</source>
        <translation>Gleicher Seed und gleiche Daten ergeben immer dieselbe Aufteilung.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every part gets the same share of each label as the whole dataset; recommended, above all for rare labels.</source>
        <translation>Jeder Teil erhält von jedem Label denselben Anteil wie der ganze Datensatz; empfohlen, vor allem bei seltenen Labels.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Split the labelled rows that are kept after cleaning</source>
        <translation>Die gelabelten Zeilen aufteilen, die nach der Bereinigung erhalten bleiben</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The model learns from &lt;b&gt;train&lt;/b&gt;, is tuned on &lt;b&gt;validation&lt;/b&gt; and is judged once on &lt;b&gt;test&lt;/b&gt;. Identical texts always stay in one part.</source>
        <translation>Das Modell lernt aus &lt;b&gt;Training&lt;/b&gt;, wird auf &lt;b&gt;Validierung&lt;/b&gt; abgestimmt und einmal auf &lt;b&gt;Test&lt;/b&gt; beurteilt. Identische Texte bleiben immer in einem Teil.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+118"/>
        <location line="+20"/>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="-138"/>
        <location line="+118"/>
        <location line="+20"/>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location line="-137"/>
        <location line="+117"/>
        <location line="+20"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Parts</source>
        <translation>Teile</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rows per part and label</source>
        <translation>Zeilen pro Teil und Label</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Split saved.</source>
        <translation>Aufteilung gespeichert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Split cancelled; nothing was saved.</source>
        <translation>Aufteilung abgebrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Sum: %1 % — the parts must add up to 100 %</source>
        <translation>Summe: %1 % — die Teile müssen 100 % ergeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sum: 100 % — but the train part cannot be empty</source>
        <translation>Summe: 100 % — aber der Trainingsteil darf nicht leer sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sum: 100 %</source>
        <translation>Summe: 100 %</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Splitting…</source>
        <translation>Wird aufgeteilt…</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+20"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>No split yet. Choose the parts above and press Split.</source>
        <translation>Noch keine Aufteilung. Wählen Sie oben die Teile und klicken Sie auf „Aufteilen“.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>All labels</source>
        <translation>Alle Labels</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>✔ No text appears in two parts — %n duplicate group(s) kept together.</source>
        <translation>
            <numerusform>✔ Kein Text kommt in zwei Teilen vor — %n Duplikatgruppe zusammengehalten.</numerusform>
            <numerusform>✔ Kein Text kommt in zwei Teilen vor — %n Duplikatgruppen zusammengehalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>✘ %n text(s) appear in two parts.</source>
        <translation>
            <numerusform>✘ %n Text kommt in zwei Teilen vor.</numerusform>
            <numerusform>✘ %n Texte kommen in zwei Teilen vor.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 unlabelled</source>
        <translation>%1 ohne Label</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 dropped by cleaning</source>
        <translation>%1 durch Bereinigung verworfen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every labelled row is in the split.</source>
        <translation>Jede gelabelte Zeile ist in der Aufteilung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not in the split: %1 rows.</source>
        <translation>Nicht in der Aufteilung: %1 Zeilen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The dataset&apos;s saved split. Split again to replace it.</source>
        <translation>Die gespeicherte Aufteilung des Datensatzes. Teilen Sie erneut auf, um sie zu ersetzen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing was saved.</source>
        <translation>Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The dataset cannot be split</source>
        <translation>Der Datensatz kann nicht aufgeteilt werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The split was refused and nothing was saved.</source>
        <translation>Die Aufteilung wurde abgelehnt, und nichts wurde gespeichert.</translation>
    </message>
</context>
<context>
    <name>ft::ui::TokenChips</name>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="+188"/>
        <source>special token</source>
        <translation>Spezial-Token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown: the vocabulary has no piece for this text</source>
        <translation>unbekannt: Das Vokabular hat kein Stück für diesen Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;id %2 · token %3 of %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;ID %2 · Token %3 von %4</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The tokens appear here: one coloured piece per token, hover for its id.</source>
        <translation>Hier erscheinen die Token: ein farbiges Stück pro Token, mit der Maus darüber sehen Sie seine ID.</translation>
    </message>
</context>
<context>
    <name>ft::ui::TokenizerPreview</name>
    <message>
        <location line="+42"/>
        <source>Second text (for pair tasks)</source>
        <translation>Zweiter Text (für Paaraufgaben)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Type or paste a text to see how the model reads it</source>
        <translation>Geben Sie einen Text ein oder fügen Sie ihn ein, um zu sehen, wie das Modell ihn liest</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The second text of a pair, e.g. a hypothesis or an answer</source>
        <translation>Der zweite Text eines Paars, z. B. eine Hypothese oder eine Antwort</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Token ids appear here</source>
        <translation>Hier erscheinen die Token-IDs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The ids the model receives, in order (select to copy)</source>
        <translation>Die IDs, die das Modell erhält, in Reihenfolge (zum Kopieren markieren)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No model is loaded.</source>
        <translation>Kein Modell geladen.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Encoding %1 characters…</source>
        <translation>%1 Zeichen werden kodiert…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The tokenizer failed: %1</source>
        <translation>Der Tokenizer ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type a text above to see its tokens.</source>
        <translation>Geben Sie oben einen Text ein, um seine Token zu sehen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;1&lt;/b&gt; token</source>
        <translation>&lt;b&gt;1&lt;/b&gt; Token</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&lt;b&gt;%1&lt;/b&gt; tokens</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 unknown</source>
        <translation>%1 unbekannt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 special</source>
        <translation>%1 speziell</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Truncated at max length %1: the model sees the first %1 of %2 tokens; the rest of the text is cut off.</source>
        <translation>Abgeschnitten bei max. Länge %1: Das Modell sieht die ersten %1 von %2 Token; der Rest des Textes wird abgeschnitten.</translation>
    </message>
</context>
<context>
    <name>ft::ui::TrainPage</name>
    <message>
        <location filename="../ui/trainpage.cpp" line="+56"/>
        <source>The first validation comes after step %1.</source>
        <translation>Die erste Validierung kommt nach Schritt %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation runs at the end of each epoch.</source>
        <translation>Die Validierung läuft am Ende jeder Epoche.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The run&apos;s events — evaluations, checkpoints, errors — appear here.</source>
        <translation>Die Ereignisse des Laufs — Evaluierungen, Checkpoints, Fehler — erscheinen hier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Fine-tune</source>
        <translation>Fine-Tuning</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The form holds the config of run #%1</source>
        <translation>Das Formular enthält die Config von Lauf #%1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Check the settings and start a new run.</source>
        <translation>Prüfen Sie die Einstellungen und starten Sie einen neuen Lauf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pause after the current step: a checkpoint is written and Resume continues at the same step.</source>
        <translation>Nach dem aktuellen Schritt pausieren: Ein Checkpoint wird geschrieben, und „Fortsetzen“ macht beim selben Schritt weiter.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop after the current step. The run keeps its checkpoint: it can be resumed later from the history.</source>
        <translation>Nach dem aktuellen Schritt stoppen. Der Lauf behält seinen Checkpoint: Er kann später aus dem Verlauf fortgesetzt werden.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>How late the window served a 10 ms timer at worst while training: a measure of how responsive it stayed.</source>
        <translation>Wie verspätet das Fenster einen 10-ms-Timer während des Trainings schlimmstenfalls bediente: ein Maß dafür, wie reaktionsfähig es blieb.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>No dataset yet: import one on the Prepare data page.</source>
        <translation>Noch kein Datensatz: Importieren Sie einen auf der Seite „Daten vorbereiten“.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Latest split #%1: %2 train · %3 validation · %4 test</source>
        <translation>Neueste Aufteilung #%1: %2 Training · %3 Validierung · %4 Test</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not split yet: split it on the Prepare data page (stage 1).</source>
        <translation>Noch nicht aufgeteilt: Teilen Sie ihn auf der Seite „Daten vorbereiten“ auf (Stufe 1).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (built-in)</source>
        <translation>%1 (eingebaut)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a project to train.</source>
        <translation>Öffnen Sie ein Projekt, um zu trainieren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dataset &lt;b&gt;%1&lt;/b&gt; · model &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Datensatz &lt;b&gt;%1&lt;/b&gt; · Modell &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not loaded: %1</source>
        <translation>Nicht geladen: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fix the flagged settings before starting: %1</source>
        <translation>Korrigieren Sie vor dem Start die markierten Einstellungen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The run config has errors; nothing was started.</source>
        <translation>Die Run-Config enthält Fehler; nichts wurde gestartet.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>cancelled before it started</source>
        <translation>vor dem Start abgebrochen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Resuming run #%1…</source>
        <translation>Lauf #%1 wird fortgesetzt…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starting a run: %1 on %2</source>
        <translation>Lauf wird gestartet: %1 auf %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pausing after the current step…</source>
        <translation>Pause nach dem aktuellen Schritt…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stopping after the current step…</source>
        <translation>Stopp nach dem aktuellen Schritt…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training is running</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run #%1 is still training. Stop it and close? It stops after the current step and keeps a checkpoint, so it can be resumed later.</source>
        <translation>Lauf #%1 trainiert noch. Stoppen und schließen? Er stoppt nach dem aktuellen Schritt und behält einen Checkpoint, sodass er später fortgesetzt werden kann.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop and close</source>
        <translation>Stoppen und schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep training</source>
        <translation>Weiter trainieren</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Continue run #%1 at the step where it stopped.</source>
        <translation>Lauf #%1 bei dem Schritt fortsetzen, bei dem er gestoppt hat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue a paused, stopped or crashed run (select it in the history).</source>
        <translation>Einen pausierten, gestoppten oder abgestürzten Lauf fortsetzen (im Verlauf auswählen).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Preparing: tokenizing the split, loading the model…</source>
        <translation>Vorbereitung: Aufteilung wird tokenisiert, Modell wird geladen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pausing after this step…</source>
        <translation>Pause nach diesem Schritt…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopping after this step…</source>
        <translation>Stopp nach diesem Schritt…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Epoch %1 of %2 · step %3 of %4 · %5 samples/s · %6 elapsed · %7 left</source>
        <translation>Epoche %1 von %2 · Schritt %3 von %4 · %5 Samples/s · %6 vergangen · %7 verbleibend</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Run #%1 %2 after %3 step</source>
        <translation>Lauf #%1 %2 nach %3 Schritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run #%1 %2 after %3 steps</source>
        <translation>Lauf #%1 %2 nach %3 Schritten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> · best %1 at step %2</source>
        <translation> · Bestwert %1 bei Schritt %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · %1 samples/s · %2 of training</source>
        <translation> · %1 Samples/s · %2 Training</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ready: choose a preset or set the hyperparameters, then Start.</source>
        <translation>Bereit: Wählen Sie eine Voreinstellung oder stellen Sie die Hyperparameter ein, dann „Starten“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>GUI stall max %1 ms</source>
        <translation>GUI-Stocken max. %1 ms</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This run has no evaluation.</source>
        <translation>Dieser Lauf hat keine Evaluierung.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Created run #%1</source>
        <translation>Lauf #%1 angelegt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Resuming run #%1</source>
        <translation>Lauf #%1 wird fortgesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training run #%1</source>
        <translation>Lauf #%1 wird trainiert</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Validation at step %1 (epoch %2): loss %3, accuracy %4, macro-F1 %5%6</source>
        <translation>Validierung bei Schritt %1 (Epoche %2): Loss %3, Accuracy %4, Macro-F1 %5%6</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> — best so far</source>
        <translation> — bisher bester Wert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checkpoint &apos;%1&apos; at step %2: %3</source>
        <translation>Checkpoint „%1“ bei Schritt %2: %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Run #%1 %2 after %3 of %4 steps in %5</source>
        <translation>Lauf #%1 %2 nach %3 von %4 Schritten in %5</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (early stopping)</source>
        <translation> (Early Stopping)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run #%1 failed: %2</source>
        <translation>Lauf #%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+1"/>
        <source>Not started: %1</source>
        <translation>Nicht gestartet: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run #%1 could not run: %2</source>
        <translation>Lauf #%1 konnte nicht laufen: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run #%1: %2</source>
        <translation>Lauf #%1: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Longest GUI stall while training: %1 ms</source>
        <translation>Längstes GUI-Stocken während des Trainings: %1 ms</translation>
    </message>
</context>
<context>
    <name>ft::ui::TrainPlots</name>
    <message>
        <location filename="../ui/trainplots.cpp" line="+47"/>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cross-entropy</source>
        <translation>Kreuzentropie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation accuracy and macro-F1</source>
        <translation>Validierungs-Accuracy und Macro-F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+15"/>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Gradient norm (before clipping)</source>
        <translation>Gradientennorm (vor dem Clipping)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>L2 norm</source>
        <translation>L2-Norm</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train, smoothed</source>
        <translation>Training, geglättet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>macro-F1</source>
        <translation>Macro-F1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>norm</source>
        <translation>Norm</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The training loss appears here
after the first step.</source>
        <translation>Der Trainings-Loss erscheint hier
nach dem ersten Schritt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validation scores appear here
after the first evaluation.</source>
        <translation>Validierungs-Scores erscheinen hier
nach der ersten Evaluierung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The learning rate schedule
appears after the first step.</source>
        <translation>Der Lernraten-Schedule erscheint
nach dem ersten Schritt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The gradient norm appears
after the first step.</source>
        <translation>Die Gradientennorm erscheint
nach dem ersten Schritt.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>clipped above %1</source>
        <translation>oberhalb von %1 begrenzt</translation>
    </message>
</context>
<context>
    <name>ft::ui::WelcomeView</name>
    <message>
        <location filename="../ui/welcomeview.cpp" line="+42"/>
        <source>Finetune Studio</source>
        <translation>Finetune Studio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fine-tune pre-trained language models on your labelled text — without writing code. Start with a project: a folder that keeps your data, splits, runs and exported models together.</source>
        <translation>Fine-Tuning vortrainierter Sprachmodelle auf Ihren gelabelten Texten — ohne Code zu schreiben. Beginnen Sie mit einem Projekt: einem Ordner, der Ihre Daten, Aufteilungen, Läufe und exportierten Modelle zusammenhält.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New project…</source>
        <translation>Neues Projekt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a project folder, then import your data.</source>
        <translation>Einen Projektordner anlegen, dann Ihre Daten importieren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open project…</source>
        <translation>Projekt öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue where you left off.</source>
        <translation>Dort weitermachen, wo Sie aufgehört haben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the sample project</source>
        <translation>Beispielprojekt öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Support tickets labelled by intent, ready to explore.</source>
        <translation>Support-Tickets, nach Intent gelabelt, bereit zum Erkunden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Recent projects</source>
        <translation>Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Projects you open appear here.</source>
        <translation>Projekte, die Sie öffnen, erscheinen hier.</translation>
    </message>
</context>
<context>
    <name>ft::ui::Worker</name>
    <message>
        <location filename="../ui/workers.cpp" line="+55"/>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+62"/>
        <source>Fine-tune pre-trained language models without code.</source>
        <translation>Fine-Tuning vortrainierter Sprachmodelle ohne Code.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The project folder to open.</source>
        <translation>Der zu öffnende Projektordner.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the bundled sample project (created on first use).</source>
        <translation>Das mitgelieferte Beispielprojekt öffnen (wird bei der ersten Verwendung angelegt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save a picture of the window to FILE, then quit.</source>
        <translation>Ein Bild des Fensters in FILE speichern, dann beenden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Page to show: welcome, data, model, train, evaluate, export or import (the wizard).</source>
        <translation>Anzuzeigende Seite: welcome, data, model, train, evaluate, export oder import (der Assistent).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tab to show: overview, clean or split (data page); metrics, confusion, curves, calibration, baselines, sensitivity or compare (evaluate page).</source>
        <translation>Anzuzeigender Tab: overview, clean oder split (Datenseite); metrics, confusion, curves, calibration, baselines, sensitivity oder compare (Evaluierungsseite).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open the import wizard with FILE (with --page import).</source>
        <translation>Den Import-Assistenten mit FILE öffnen (mit --page import).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import wizard page to show: 1, 2 or 3.</source>
        <translation>Anzuzeigende Seite des Import-Assistenten: 1, 2 oder 3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Load a checkpoint folder (or a built-in shape such as bert-tiny) on the Model page.</source>
        <translation>Einen Checkpoint-Ordner (oder eine eingebaute Architektur wie bert-tiny) auf der Seite „Modell wählen“ laden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Measure the training speed once the --model has loaded.</source>
        <translation>Die Trainingsgeschwindigkeit messen, sobald das --model geladen ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load a run config (JSON, as &apos;finetune train --config&apos; reads) on the Train page and start training.</source>
        <translation>Eine Run-Config (JSON, wie „finetune train --config“ sie liest) auf der Seite „Fine-Tuning“ laden und das Training starten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export run N from the Export page once it is listed.</source>
        <translation>Lauf N auf der Seite „Bereitstellen“ exportieren, sobald er aufgelistet ist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Milliseconds to wait before the screenshot.</source>
        <translation>Millisekunden Wartezeit vor dem Screenshot.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Window size, e.g. 1400x880.</source>
        <translation>Fenstergröße, z. B. 1400x880.</translation>
    </message>
</context>
</TS>
