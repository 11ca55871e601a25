<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AllAnnotationsDialog</name>
    <message numerus="yes">
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n highlight</numerusform>
            <numerusform>%n highlights</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationCommands</name>
    <message numerus="yes">
        <source>Delete %n Highlight(s)</source>
        <translation>
            <numerusform>Delete %n Highlight</numerusform>
            <numerusform>Delete %n Highlights</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationExchange</name>
    <message numerus="yes">
        <source>Imported %n annotation(s); {present} already here.</source>
        <translation>
            <numerusform>Imported %n annotation; {present} already here.</numerusform>
            <numerusform>Imported %n annotations; {present} already here.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleCommands</name>
    <message numerus="yes">
        <source>Move %n article(s) to the section:</source>
        <translation>
            <numerusform>Move %n article to the section:</numerusform>
            <numerusform>Move %n articles to the section:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n article(s) to the Trash</source>
        <translation>
            <numerusform>Move %n article to the Trash</numerusform>
            <numerusform>Move %n articles to the Trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n article(s) in the Trash for good?</source>
        <translation>
            <numerusform>Delete the %n article in the Trash for good?</numerusform>
            <numerusform>Delete the %n articles in the Trash for good?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message numerus="yes">
        <source>%n value(s) lost to another device&apos;s; they are kept here.</source>
        <translation>
            <numerusform>%n value lost to another device&apos;s; it is kept here.</numerusform>
            <numerusform>%n values lost to another device&apos;s; they are kept here.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaneTables</name>
    <message numerus="yes">
        <source>Table: %n columns</source>
        <translation>
            <numerusform>Table: %n column</numerusform>
            <numerusform>Table: %n columns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n rows</source>
        <translation>
            <numerusform>, %n row</numerusform>
            <numerusform>, %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VaultKeeper</name>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViewRefresh</name>
    <message numerus="yes">
        <source>%Ln article(s) · {unread} unread</source>
        <translation>
            <numerusform>%Ln article · {unread} unread</numerusform>
            <numerusform>%Ln articles · {unread} unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WebImageDownloads</name>
    <message numerus="yes">
        <source>Saved %n image(s)</source>
        <translation>
            <numerusform>Saved %n image</numerusform>
            <numerusform>Saved %n images</numerusform>
        </translation>
    </message>
</context>
</TS>
