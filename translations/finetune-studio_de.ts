<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QCustomPlot</name>
    <message>
        <location filename="../ui/charts.cpp" line="75"/>
        <location filename="../ui/charts.cpp" line="123"/>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts.cpp" line="122"/>
        <source>Text length (characters)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::CleaningPanel</name>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="39"/>
        <source>Normalize Unicode and whitespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="40"/>
        <source>NFC or NFKC normal form; runs of spaces, tabs and newlines become one space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="43"/>
        <source>Unescape HTML entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="44"/>
        <source>&amp;amp; → &amp;, &amp;lt; → &lt;, &amp;#39; → &apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="45"/>
        <source>Strip URLs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="46"/>
        <source>Removes http://…, https://… and www.… links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="47"/>
        <source>Strip e-mail addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="48"/>
        <source>Removes name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="49"/>
        <source>Expand contractions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="50"/>
        <source>English: don&apos;t → do not, I&apos;m → I am</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="51"/>
        <source>Lowercase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="52"/>
        <source>Only for uncased models; cased models use the capitals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="54"/>
        <source>Remove special characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="55"/>
        <source>Symbols and control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="56"/>
        <source>Remove punctuation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="57"/>
        <source>Usually hurts transformer models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="58"/>
        <source>Remove stop words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="59"/>
        <source>Words such as &apos;the&apos;, &apos;and&apos;, &apos;is&apos; (editable list); usually hurts transformer models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="62"/>
        <source>Drop empty rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="63"/>
        <source>Rows with no text left after the steps above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="64"/>
        <source>Drop duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="65"/>
        <source>Keeps the first of identical texts (before and after cleaning); duplicates with different labels are listed in the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="82"/>
        <source>Edit stop words…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="83"/>
        <source>Recommended</source>
        <translation>Empfohlen</translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="84"/>
        <source>Apply cleaning</source>
        <translation>Bereinigung anwenden</translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="93"/>
        <source>Transformer models usually do best on raw text: their tokenizers handle case, punctuation and stop words. Clean only what is noise (URLs, HTML, duplicates).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="115"/>
        <source>NFKC (compatibility: ﬁ → fi, ² → 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="116"/>
        <source>NFC (canonical only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="119"/>
        <source>HTML entities, empty rows and duplicates only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="123"/>
        <source>Clean every row of the dataset with the checked steps. The raw text is kept, so you can clean again with other steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="127"/>
        <source>Unicode form:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="137"/>
        <source>Steps, in the order they run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="149"/>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="149"/>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="156"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="166"/>
        <source>Duplicate text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="166"/>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="166"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="204"/>
        <source>The preview failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="207"/>
        <source>Cleaning failed; the dataset is unchanged. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="213"/>
        <source>Cleaning cancelled; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="243"/>
        <source>The dataset was cleaned with the checked steps. Apply again to clean with other steps (from the raw text).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="299"/>
        <source>Stop words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="300"/>
        <source>One word per line. Matching ignores case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="309"/>
        <source>Built-in list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="339"/>
        <source>Computing the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="354"/>
        <source>(dropped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="376"/>
        <source>First %1 rows: %2 changed (highlighted), %3 dropped (struck through).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="385"/>
        <source>Cleaning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cleaningpanel.cpp" line="394"/>
        <source>&lt;b&gt;Cleaned %1 rows:&lt;/b&gt; %2 changed, %3 dropped as empty, %4 dropped as duplicates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/cleaningpanel.cpp" line="400"/>
        <source>%n group(s) of duplicates disagree on the label (listed below): the first row of each was kept.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ft::ui::DataPage</name>
    <message>
        <location filename="../ui/datapage.cpp" line="64"/>
        <source>&amp;Import Data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="65"/>
        <source>&amp;Undo Label Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="68"/>
        <source>Dataset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="87"/>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="88"/>
        <source>Import CSV, TSV, JSON or text files into a dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="102"/>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="109"/>
        <source>Search text…</source>
        <translation>Text suchen…</translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="119"/>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="143"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="144"/>
        <source>Clean</source>
        <translation>Bereinigen</translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="145"/>
        <source>Split</source>
        <translation>Aufteilen</translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="161"/>
        <source>This project has no data yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="165"/>
        <source>Import a CSV, TSV, JSON or JSON Lines file, or lines of &quot;label TAB text&quot;.
Several files can go into one dataset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="169"/>
        <source>Import data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="245"/>
        <source>Imported %1 rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="255"/>
        <source>Imported %1: %2 rows, %3 unlabelled, %4 skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="269"/>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="270"/>
        <source>The data could not be imported; the dataset is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="308"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="308"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="308"/>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="316"/>
        <source>Double-click a label to rename it everywhere in the dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="321"/>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="324"/>
        <source>Add label…</source>
        <translation>Label hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="343"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="346"/>
        <source>Label distribution</source>
        <translation>Label-Verteilung</translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="348"/>
        <source>Text length</source>
        <translation>Textlänge</translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="431"/>
        <source>No labels yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="432"/>
        <source>No rows yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="440"/>
        <source>All rows</source>
        <translation>Alle Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="441"/>
        <source>Labelled</source>
        <translation>Gelabelt</translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="442"/>
        <source>Unlabelled</source>
        <translation>Ohne Label</translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="454"/>
        <source>Label: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="464"/>
        <source>Part: train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="465"/>
        <source>Part: validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="466"/>
        <source>Part: test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="509"/>
        <source>No labels yet: double-click a cell in the Label column and type one, or use “Add label…” in the Overview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="517"/>
        <source>Label keys: %1 &amp;nbsp;·&amp;nbsp; &lt;b&gt;0&lt;/b&gt; clears &amp;nbsp;·&amp;nbsp; &lt;b&gt;N&lt;/b&gt; next unlabelled &amp;nbsp;·&amp;nbsp; &lt;b&gt;Ctrl+Z&lt;/b&gt; undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="528"/>
        <source>&lt;b&gt;%1&lt;/b&gt; rows &amp;nbsp;·&amp;nbsp; %2 labelled &amp;nbsp;·&amp;nbsp; %3 unlabelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="531"/>
        <source> &amp;nbsp;·&amp;nbsp; %1 dropped by cleaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="534"/>
        <source>Text length: %1–%2 characters, mean %3, median %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="563"/>
        <source>No labels yet — label rows in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="565"/>
        <source>No rows kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="577"/>
        <source>Rename label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="578"/>
        <source>New name for “%1” (an existing name merges the two labels):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="585"/>
        <source>Renamed label %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="596"/>
        <source>Add label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="596"/>
        <source>Label name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="607"/>
        <source>No label change to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datapage.cpp" line="612"/>
        <source>Label change undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::ImportWizard</name>
    <message>
        <location filename="../ui/importwizard.cpp" line="74"/>
        <location filename="../ui/importwizard.cpp" line="326"/>
        <source>Import data</source>
        <translation>Daten importieren</translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="82"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="92"/>
        <source>Choose the data</source>
        <translation>Daten wählen</translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="94"/>
        <source>CSV, TSV, JSON, JSON Lines or plain &quot;label TAB text&quot; lines. Several files of the same format can go into one dataset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="101"/>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="103"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="111"/>
        <source>A new name creates a dataset; an existing one appends the rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="122"/>
        <source>Dataset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="125"/>
        <source>The first file&apos;s format is detected on the next page and used for every file. Rows are added to the dataset named below; the files themselves are never changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="132"/>
        <source>Files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="152"/>
        <source>Check the format</source>
        <translation>Format prüfen</translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="154"/>
        <source>Detected from the start of the first file. Change any option and the preview follows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="158"/>
        <location filename="../ui/importwizard.cpp" line="166"/>
        <location filename="../ui/importwizard.cpp" line="174"/>
        <location filename="../ui/importwizard.cpp" line="181"/>
        <location filename="../ui/importwizard.cpp" line="186"/>
        <location filename="../ui/importwizard.cpp" line="380"/>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="159"/>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="160"/>
        <source>TSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="161"/>
        <source>JSON (array of objects)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="162"/>
        <source>JSON Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="163"/>
        <source>Lines: label and text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="167"/>
        <source>UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="168"/>
        <source>UTF-8 with BOM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="169"/>
        <source>UTF-16 LE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="170"/>
        <source>UTF-16 BE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="171"/>
        <source>Windows-1252</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="175"/>
        <location filename="../ui/importwizard.cpp" line="189"/>
        <source>Comma ,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="176"/>
        <location filename="../ui/importwizard.cpp" line="187"/>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="177"/>
        <location filename="../ui/importwizard.cpp" line="190"/>
        <source>Semicolon ;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="178"/>
        <source>Pipe |</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="182"/>
        <source>Yes, the first row names the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="183"/>
        <source>No, the first row is data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="188"/>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="191"/>
        <source>Colon :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="194"/>
        <source>First: label, then text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="195"/>
        <source>Last: text, then label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="198"/>
        <source>Whole value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="199"/>
        <source>Coarse: the part before &apos;:&apos; (&quot;LOC:city&quot; → &quot;LOC&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="212"/>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="213"/>
        <source>Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="214"/>
        <source>Delimiter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="215"/>
        <source>Header row:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="216"/>
        <source>Separator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="217"/>
        <source>Label side:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="218"/>
        <source>Label value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="256"/>
        <source>Map the columns</source>
        <translation>Spalten zuordnen</translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="257"/>
        <source>Which column holds the text to classify, and which the label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="261"/>
        <source>For tasks on two texts, such as question and answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="269"/>
        <source>Value in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="269"/>
        <source>Label shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="278"/>
        <source>Text column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="279"/>
        <source>Text pair column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="280"/>
        <source>Label column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="328"/>
        <source>Data files (*.csv *.tsv *.txt *.json *.jsonl *.ndjson *.data *.train *.test);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="380"/>
        <source>Detect (found: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="391"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="391"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="406"/>
        <source>Add a file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="407"/>
        <source>This file cannot be read with these options: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="419"/>
        <source>Nothing to note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="424"/>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="452"/>
        <source>None — one text per row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="453"/>
        <source>No label — I will label in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/importwizard.cpp" line="515"/>
        <source>The rows are imported without labels. Label them in the table afterwards: type a label in the Label column, then press 1–9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/importwizard.cpp" line="535"/>
        <source>Label values in the first %n row(s). Double-click a name on the right to show it differently (e.g. 0 → negative); values that appear only further down keep their name.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/importwizard.cpp" line="543"/>
        <source>%n row(s) in the preview</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ft::ui::JobController</name>
    <message>
        <location filename="../ui/jobcontroller.cpp" line="107"/>
        <source>Import</source>
        <translation type="unfinished">Importieren</translation>
    </message>
    <message>
        <location filename="../ui/jobcontroller.cpp" line="119"/>
        <source>Cleaning preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/jobcontroller.cpp" line="131"/>
        <source>Cleaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/jobcontroller.cpp" line="143"/>
        <source>Split</source>
        <translation>Aufteilen</translation>
    </message>
    <message>
        <location filename="../ui/jobcontroller.cpp" line="154"/>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::JobProgress</name>
    <message>
        <location filename="../ui/jobprogress.cpp" line="18"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/jobprogress.cpp" line="28"/>
        <source>Stop this job; nothing it started is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/jobprogress.cpp" line="45"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::LabelDelegate</name>
    <message>
        <location filename="../ui/labeldelegate.cpp" line="18"/>
        <location filename="../ui/labeldelegate.cpp" line="38"/>
        <source>(no label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/labeldelegate.cpp" line="22"/>
        <source>Type a new label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::LogPanel</name>
    <message>
        <location filename="../ui/logpanel.cpp" line="34"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/logpanel.cpp" line="42"/>
        <source>Imports, cleaning, splits and errors are logged here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logpanel.cpp" line="62"/>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logpanel.cpp" line="66"/>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logpanel.cpp" line="71"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logpanel.cpp" line="75"/>
        <source>debug</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="179"/>
        <source>Prepare data</source>
        <translation>Daten vorbereiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="180"/>
        <source>Select model</source>
        <translation>Modell wählen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="181"/>
        <source>Fine-tune</source>
        <translation>Feinabstimmen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="181"/>
        <source>Fine-tuning with live curves arrives in release 0.2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="182"/>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="182"/>
        <source>Metrics, confusion matrix and error examples arrive in release 0.3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="183"/>
        <source>Deploy</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="183"/>
        <source>One-click export and the inference server arrive in release 0.3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="193"/>
        <source>Choose a pre-trained model, preview its tokenizer and check memory and speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="196"/>
        <source>Import, label, clean and split your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="208"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="209"/>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="213"/>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="216"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="218"/>
        <source>Open the &amp;Sample Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="222"/>
        <source>&amp;Close Project</source>
        <translation>Projekt &amp;schließen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="225"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="229"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="232"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="234"/>
        <source>&amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="235"/>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="238"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="239"/>
        <source>&amp;About Finetune Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="241"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="277"/>
        <location filename="../ui/mainwindow.cpp" line="366"/>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="278"/>
        <source>The project could not be created.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="292"/>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="293"/>
        <source>%1 could not be opened as a project.

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="312"/>
        <source>Close project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="313"/>
        <source>A job is still changing this project. Cancel it and close? Nothing it has started is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="338"/>
        <location filename="../ui/mainwindow.cpp" line="345"/>
        <source>Sample project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="339"/>
        <source>This build does not contain the sample dataset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="346"/>
        <source>The sample dataset could not be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="367"/>
        <source>my-classifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="376"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="379"/>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="385"/>
        <source>The project folder will be %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="396"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="400"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="401"/>
        <source>Location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="411"/>
        <source>Open project folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="421"/>
        <source>About Finetune Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="422"/>
        <source>&lt;h3&gt;Finetune Studio %1&lt;/h3&gt;&lt;p&gt;Fine-tune pre-trained language models on your labelled text without writing code: prepare the data, pick a model, train, evaluate and export.&lt;/p&gt;&lt;p&gt;Built with Qt %2, QCustomPlot, SQLite and LibTorch.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="464"/>
        <source>Clear the List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="475"/>
        <source>%1 — Finetune Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="477"/>
        <source>Finetune Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="484"/>
        <source>No rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="489"/>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="491"/>
        <source>%1 of %2 rows shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::ModelLoadWorker</name>
    <message>
        <location filename="../ui/modelpage.cpp" line="214"/>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::ModelPage</name>
    <message>
        <location filename="../ui/modelpage.cpp" line="65"/>
        <source>%1 layers × hidden %2, %3 heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="317"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="318"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="321"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="322"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="327"/>
        <source>BERT reads the whole text in both directions, which makes it strong at understanding: text classification, sentence pairs, named entities. A solid default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="332"/>
        <source>RoBERTa is BERT trained longer on more data with better settings: usually a little more accurate for classification and named entities at the same size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="336"/>
        <source>DistilBERT is about 40 % smaller and 60 % faster than BERT-base and keeps about 97 % of its accuracy: the choice when memory or time is tight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="340"/>
        <source>GPT-2 reads left to right and is built to generate text. It classifies from the last token only, so it is usually weaker at classification than an encoder of the same size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="345"/>
        <source>XLNet is a permutation language model: it sees context on both sides while training like a generator. Good at long texts, slower to fine-tune.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="385"/>
        <source>Measure speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="386"/>
        <source>Cancel</source>
        <translation type="unfinished">Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="414"/>
        <source>Measuring: %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="435"/>
        <source>The measurement failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="441"/>
        <source>Measurement cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="480"/>
        <location filename="../ui/modelpage.cpp" line="585"/>
        <source>Open checkpoint folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="484"/>
        <source>A Hugging Face model folder: config.json, model.safetensors (or pytorch_model.bin) and the tokenizer files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="512"/>
        <source>Hugging Face cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="513"/>
        <source>Opened folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="514"/>
        <source>Built-in (randomly initialised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="515"/>
        <source>Randomly initialised — for trying the workflow, not for real accuracy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="523"/>
        <source>%1: a BERT of %2, randomly initialised — for trying the workflow, not for real accuracy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="538"/>
        <source>Rescan cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="540"/>
        <source>Look for new downloads in the Hugging Face cache again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="577"/>
        <source>Choose a model to fine-tune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="581"/>
        <source>Pick a checkpoint from your Hugging Face cache on the left, open a downloaded
model folder, or try the workflow with a small built-in shape.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="613"/>
        <source>&lt;b&gt;Randomly initialised&lt;/b&gt; — for trying the workflow, not for real accuracy. It has learnt nothing yet: expect results near chance. It has no vocabulary file either, so there is no tokenizer to preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="617"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="623"/>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="623"/>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="624"/>
        <source>Hidden size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="624"/>
        <source>Attention heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="625"/>
        <source>Vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="625"/>
        <source>Max positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="626"/>
        <source>Tokenizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="626"/>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="658"/>
        <source>Tokenizer preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="692"/>
        <source>Pre-flight check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="700"/>
        <source>Texts per training step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="706"/>
        <source>Tokens per text; longer texts are cut off (see the tokenizer preview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="709"/>
        <source>Batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="712"/>
        <source>Max length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="716"/>
        <source>Memory for training (float32, AdamW)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="725"/>
        <source>Speed on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="729"/>
        <location filename="../ui/modelpage.cpp" line="1244"/>
        <source>Runs three training steps of a model of this shape on a dummy batch (a few seconds for small models)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="861"/>
        <source>Open a checkpoint folder (config.json + weights + tokenizer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="878"/>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="926"/>
        <source>Built-in shapes come without a vocabulary, so there is nothing to preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="928"/>
        <source>This folder has no tokenizer files (tokenizer.json, vocab.txt, vocab.json + merges.txt or spiece.model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="938"/>
        <source>Loaded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="953"/>
        <source>The project&apos;s model %1 could not be loaded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="958"/>
        <source>The model could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="959"/>
        <source>%1 could not be loaded. %2 stays selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="961"/>
        <source>%1 could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="997"/>
        <source>Hugging Face cache (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="998"/>
        <source>No Hugging Face cache folder was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1005"/>
        <source>cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1025"/>
        <source>No cache found (~/.cache/huggingface/hub)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1026"/>
        <source>No models downloaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1028"/>
        <source>Models downloaded with transformers or huggingface-cli appear here. Set HF_HOME if your cache lives elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1053"/>
        <source>None yet — use “Open checkpoint folder…”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1073"/>
        <source>No model is loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1083"/>
        <source>Built-in shape “%1” · model type %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1087"/>
        <source>%1 · model type %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1096"/>
        <source>%1 parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1102"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1105"/>
        <source>in memory · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1107"/>
        <source>%1 · %2 (stored %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1118"/>
        <source>&lt;b&gt;Head:&lt;/b&gt; %1 — fine-tuning replaces it with a classification head for your labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1124"/>
        <source>&lt;b&gt;Labels (%1):&lt;/b&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1129"/>
        <source>Your dataset&apos;s labels are different (%1); fine-tuning gives the model a new head for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1134"/>
        <source>— the same as your dataset&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1143"/>
        <source>Not in the checkpoint, so they start random and are learnt during fine-tuning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1148"/>
        <source>Checkpoint weights this model does not use: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1186"/>
        <source>weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1187"/>
        <source>gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1188"/>
        <source>optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1189"/>
        <source>activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1192"/>
        <source>%1&lt;br&gt;&lt;b&gt;%2 needed&lt;/b&gt; · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1194"/>
        <source>%1 free now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1194"/>
        <source>free memory unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1198"/>
        <source>This system does not report its free memory; compare the total with your machine&apos;s memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1211"/>
        <source>batch size %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1212"/>
        <source>max length %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1214"/>
        <source>Even batch size 1 is too much at this length: lower the max length a lot, or choose a smaller model (DistilBERT, a compact BERT).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1216"/>
        <source>Lower the %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1216"/>
        <source> or the </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1222"/>
        <source>✔ &lt;b&gt;Fits&lt;/b&gt; — about %1 % of the free memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1229"/>
        <source>&lt;b&gt;Tight&lt;/b&gt; — it needs most of the free memory; other programs could push it out. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1235"/>
        <source>&lt;b&gt;Will not fit&lt;/b&gt; — it needs %1 more than is free. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1242"/>
        <source>Lower the batch size or max length first: this would not fit in memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1259"/>
        <source>Measuring three training steps at batch %1 × %2 tokens…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1271"/>
        <source>Cancelling after the current step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1288"/>
        <source>Not measured yet. Measuring takes three training steps on this machine&apos;s processor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1294"/>
        <source>&lt;b&gt;%1 per step&lt;/b&gt; at batch %2 × %3 tokens (median of %4 steps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1303"/>
        <source>One epoch of %1 training rows = %2 steps ≈ &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1309"/>
        <source>(70 % of the labelled rows: split the data for the exact count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1313"/>
        <source>Import and split a dataset to see the time per epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelpage.cpp" line="1317"/>
        <source>Measured with other settings: measure again for batch %1 × %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::RowsTableModel</name>
    <message>
        <location filename="../ui/rowstablemodel.cpp" line="29"/>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/rowstablemodel.cpp" line="31"/>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/rowstablemodel.cpp" line="33"/>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/rowstablemodel.cpp" line="181"/>
        <source>(dropped: duplicate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/rowstablemodel.cpp" line="182"/>
        <source>(dropped: empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/rowstablemodel.cpp" line="202"/>
        <source>In the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/rowstablemodel.cpp" line="246"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/rowstablemodel.cpp" line="248"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/rowstablemodel.cpp" line="250"/>
        <source>Text pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/rowstablemodel.cpp" line="252"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../ui/rowstablemodel.cpp" line="254"/>
        <source>Cleaned text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/rowstablemodel.cpp" line="256"/>
        <source>Split</source>
        <translation>Aufteilen</translation>
    </message>
    <message>
        <location filename="../ui/rowstablemodel.cpp" line="258"/>
        <source>Source line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/rowstablemodel.cpp" line="264"/>
        <source>Record number within its source file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/rowstablemodel.cpp" line="266"/>
        <source>Double-click to edit, or press 1–9 on a row; 0 clears</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/rowstablemodel.cpp" line="268"/>
        <source>File and line the record was read from</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::RowsTableView</name>
    <message>
        <location filename="../ui/rowstableview.cpp" line="47"/>
        <source>No unlabelled row below this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/rowstableview.cpp" line="60"/>
        <source>The dataset has no labels yet: double-click a Label cell and type one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/rowstableview.cpp" line="62"/>
        <source>There is no label %1 (the dataset has %n label(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/rowstableview.cpp" line="73"/>
        <source>Row %1 labelled %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/rowstableview.cpp" line="75"/>
        <source>Label of row %1 cleared</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::SplitPanel</name>
    <message>
        <location filename="../ui/splitpanel.cpp" line="49"/>
        <source>Stratified by label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="50"/>
        <source>Split</source>
        <translation>Aufteilen</translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="62"/>
        <source>The same seed and data always give the same split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="66"/>
        <source>Every part gets the same share of each label as the whole dataset; recommended, above all for rare labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="70"/>
        <source>Split the labelled rows that are kept after cleaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="89"/>
        <source>The model learns from &lt;b&gt;train&lt;/b&gt;, is tuned on &lt;b&gt;validation&lt;/b&gt; and is judged once on &lt;b&gt;test&lt;/b&gt;. Identical texts always stay in one part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="97"/>
        <location filename="../ui/splitpanel.cpp" line="215"/>
        <location filename="../ui/splitpanel.cpp" line="235"/>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="97"/>
        <location filename="../ui/splitpanel.cpp" line="215"/>
        <location filename="../ui/splitpanel.cpp" line="235"/>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="98"/>
        <location filename="../ui/splitpanel.cpp" line="215"/>
        <location filename="../ui/splitpanel.cpp" line="235"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="112"/>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="119"/>
        <source>Parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="126"/>
        <source>Rows per part and label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="150"/>
        <source>Split saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="158"/>
        <source>Split cancelled; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="185"/>
        <source>Sum: %1 % — the parts must add up to 100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="187"/>
        <source>Sum: 100 % — but the train part cannot be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="189"/>
        <source>Sum: 100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="205"/>
        <source>Splitting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="215"/>
        <location filename="../ui/splitpanel.cpp" line="235"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="217"/>
        <source>No split yet. Choose the parts above and press Split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="235"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="259"/>
        <source>All labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/splitpanel.cpp" line="276"/>
        <source>✔ No text appears in two parts — %n duplicate group(s) kept together.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/splitpanel.cpp" line="281"/>
        <source>✘ %n text(s) appear in two parts.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="287"/>
        <source>%1 unlabelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="290"/>
        <source>%1 dropped by cleaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="293"/>
        <source>Every labelled row is in the split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="294"/>
        <source>Not in the split: %1 rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="294"/>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="297"/>
        <source>The dataset&apos;s saved split. Split again to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="307"/>
        <source>Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="311"/>
        <source>The dataset cannot be split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/splitpanel.cpp" line="312"/>
        <source>The split was refused and nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::TokenChips</name>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="187"/>
        <source>special token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="189"/>
        <source>unknown: the vocabulary has no piece for this text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="190"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;id %2 · token %3 of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="224"/>
        <source>The tokens appear here: one coloured piece per token, hover for its id.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::TokenizerPreview</name>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="266"/>
        <source>Second text (for pair tasks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="281"/>
        <source>Type or paste a text to see how the model reads it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="285"/>
        <source>The second text of a pair, e.g. a hypothesis or an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="319"/>
        <source>Token ids appear here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="320"/>
        <source>The ids the model receives, in order (select to copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="348"/>
        <source>No model is loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="406"/>
        <source>Encoding %1 characters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="426"/>
        <source>The tokenizer failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="429"/>
        <source>Type a text above to see its tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="433"/>
        <source>&lt;b&gt;1&lt;/b&gt; token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="433"/>
        <source>&lt;b&gt;%1&lt;/b&gt; tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="434"/>
        <source>%1 unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="439"/>
        <source>%1 special</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokenizerpreview.cpp" line="445"/>
        <source>Truncated at max length %1: the model sees the first %1 of %2 tokens; the rest of the text is cut off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::WelcomeView</name>
    <message>
        <location filename="../ui/welcomeview.cpp" line="42"/>
        <source>Finetune Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcomeview.cpp" line="45"/>
        <source>Fine-tune pre-trained language models on your labelled text — without writing code. Start with a project: a folder that keeps your data, splits, runs and exported models together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcomeview.cpp" line="51"/>
        <source>New project…</source>
        <translation>Neues Projekt…</translation>
    </message>
    <message>
        <location filename="../ui/welcomeview.cpp" line="52"/>
        <source>Create a project folder, then import your data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcomeview.cpp" line="53"/>
        <source>Open project…</source>
        <translation>Projekt öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/welcomeview.cpp" line="54"/>
        <source>Continue where you left off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcomeview.cpp" line="56"/>
        <source>Open the sample project</source>
        <translation>Beispielprojekt öffnen</translation>
    </message>
    <message>
        <location filename="../ui/welcomeview.cpp" line="57"/>
        <source>Support tickets labelled by intent, ready to explore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/welcomeview.cpp" line="68"/>
        <source>Recent projects</source>
        <translation>Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <location filename="../ui/welcomeview.cpp" line="75"/>
        <source>Projects you open appear here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ft::ui::Worker</name>
    <message>
        <location filename="../ui/workers.cpp" line="55"/>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
