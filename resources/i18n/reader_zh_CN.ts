<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>&lt;h3&gt;Reader {version}&lt;/h3&gt;&lt;p&gt;A reader for saved articles, with search that understands Chinese, Japanese, Korean and English.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;阅读器 {version}&lt;/h3&gt;&lt;p&gt;阅读保存下来的文章，搜索能读懂中文、日文、韩文和英文。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Reader</source>
        <translation>关于阅读器</translation>
    </message>
</context>
<context>
    <name>AllAnnotationsDialog</name>
    <message>
        <source>All Annotations</source>
        <translation>全部批注</translation>
    </message>
    <message>
        <source>Words in quotes and notes</source>
        <translation>引文和笔记中的词</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Section:</source>
        <translation>栏目：</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>作者：</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
    <message numerus="yes">
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n 条划线</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationCommands</name>
    <message>
        <source>This article has no highlights.</source>
        <translation>这篇文章没有划线。</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>划线</translation>
    </message>
    <message>
        <source>Still preparing this long article for highlighting…</source>
        <translation>这篇长文章还在准备中，稍后即可划线…</translation>
    </message>
    <message>
        <source>Select some text of the article to highlight it.</source>
        <translation>先在文章中选中文字，再划线。</translation>
    </message>
    <message>
        <source>Delete Highlight</source>
        <translation>删除划线</translation>
    </message>
    <message>
        <source>Highlight deleted. Undo with {key}.</source>
        <translation>划线已删除。按 {key} 撤销。</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Highlight(s)</source>
        <translation>
            <numerusform>删除 %n 条划线</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the passage in the article, then re-attach.</source>
        <translation>先在文章中选中那段文字，再重新关联。</translation>
    </message>
    <message>
        <source>Re-attach Highlight</source>
        <translation>重新关联划线</translation>
    </message>
    <message>
        <source>Confirm Highlight Position</source>
        <translation>确认划线位置</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
</context>
<context>
    <name>AnnotationExchange</name>
    <message>
        <source>annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Library annotations</source>
        <translation>文库批注</translation>
    </message>
    <message>
        <source>Export Annotations</source>
        <translation>导出批注</translation>
    </message>
    <message>
        <source>Nothing to export: no annotated articles there.</source>
        <translation>没有可导出的内容：这里没有带批注的文章。</translation>
    </message>
    <message>
        <source>Annotations exported to {path}</source>
        <translation>批注已导出到 {path}</translation>
    </message>
    <message>
        <source>Import Annotations</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <source>Annotations (*.jsonld *.json *.csv *.txt)</source>
        <translation>批注 (*.jsonld *.json *.csv *.txt)</translation>
    </message>
    <message>
        <source>W3C Web Annotations (*.jsonld *.json)</source>
        <translation>W3C 网页批注 (*.jsonld *.json)</translation>
    </message>
    <message>
        <source>Hypothesis, KOReader, Obsidian Web Clipper, Zotero (*.json)</source>
        <translation>Hypothesis、KOReader、Obsidian Web Clipper、Zotero (*.json)</translation>
    </message>
    <message>
        <source>Readwise (*.csv)</source>
        <translation>Readwise (*.csv)</translation>
    </message>
    <message>
        <source>Kindle My Clippings (*.txt)</source>
        <translation>Kindle 标注 My Clippings (*.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>No highlights in that file.</source>
        <translation>那个文件里没有划线。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n annotation(s); {present} already here.</source>
        <translation>
            <numerusform>已导入 %n 条批注；{present} 条原已存在。</numerusform>
        </translation>
    </message>
    <message>
        <source>{source}: {exact} matched exactly, {fuzzy} fuzzy, {orphaned} orphaned, {present} already present</source>
        <translation>{source}：{exact} 条精确匹配，{fuzzy} 条近似匹配，{orphaned} 条未能定位，{present} 条已存在</translation>
    </message>
    <message>
        <source>; earlier orphans attached to their article: {n}</source>
        <translation>；此前未能定位、现已挂到文章上的：{n} 条</translation>
    </message>
    <message>
        <source>; deleted by you after an earlier import, left out: {n}</source>
        <translation>；你在上次导入后删除、本次未导入的：{n} 条</translation>
    </message>
    <message>
        <source>; anchored in new book entries made of their quotes: {n} ({titles})</source>
        <translation>；定位到由引文新建的书目中的：{n} 条（{titles}）</translation>
    </message>
    <message>
        <source>; orphans kept under placeholder entries: {n}</source>
        <translation>；保存在占位条目下的未定位划线：{n} 条</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
</context>
<context>
    <name>AnnotationFeatures</name>
    <message>
        <source>&amp;Notes Panel</source>
        <translation>笔记面板(&amp;N)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Reader</source>
        <translation>阅读器</translation>
    </message>
</context>
<context>
    <name>ArticleColumns</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Added on {date}; the article has no publication date</source>
        <translation>添加于 {date}；文章没有发布日期</translation>
    </message>
</context>
<context>
    <name>ArticleCommands</name>
    <message>
        <source>Move to Section</source>
        <translation>移到栏目</translation>
    </message>
    <message>
        <source>Mark as Read</source>
        <translation>标为已读</translation>
    </message>
    <message>
        <source>Mark as Unread</source>
        <translation>标为未读</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>加书签</translation>
    </message>
    <message>
        <source>Remove Bookmark</source>
        <translation>取消书签</translation>
    </message>
    <message>
        <source>Edit Tags</source>
        <translation>编辑标签</translation>
    </message>
    <message>
        <source>Edit Details</source>
        <translation>编辑信息</translation>
    </message>
    <message numerus="yes">
        <source>Move %n article(s) to the section:</source>
        <translation>
            <numerusform>把 %n 篇文章移到栏目：</numerusform>
        </translation>
    </message>
    <message>
        <source>Move “{title}” to the Trash</source>
        <translation>把《{title}》移到回收站</translation>
    </message>
    <message numerus="yes">
        <source>Move %n article(s) to the Trash</source>
        <translation>
            <numerusform>把 %n 篇文章移到回收站</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n article(s) in the Trash for good?</source>
        <translation>
            <numerusform>要永久删除回收站中的 %n 篇文章吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore from Trash</source>
        <translation>从回收站恢复</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <source>Their highlights and notes are deleted too. This cannot be undone.</source>
        <translation>文章的划线和笔记也会一并删除，且无法撤销。</translation>
    </message>
    <message>
        <source>Rename Section</source>
        <translation>重命名栏目</translation>
    </message>
    <message>
        <source>New name for “{name}”:</source>
        <translation>“{name}”的新名称：</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>阅读器</translation>
    </message>
</context>
<context>
    <name>ArticleRows</name>
    <message>
        <source>added {date}</source>
        <translation>添加于 {date}</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
</context>
<context>
    <name>ColorMeaningsDialog</name>
    <message>
        <source>Colour Meanings</source>
        <translation>颜色含义</translation>
    </message>
    <message>
        <source>Say what each colour stands for, e.g. “key claim” or “question”. Exports show the meaning beside each highlight.</source>
        <translation>说明每种颜色代表什么，例如“关键论点”或“疑问”。导出时会在每条高亮旁注明含义。</translation>
    </message>
    <message>
        <source>No meaning</source>
        <translation>未设定含义</translation>
    </message>
</context>
<context>
    <name>Colors</name>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Losing text</source>
        <translation>被覆盖的内容</translation>
    </message>
    <message>
        <source>Author (device)</source>
        <translation>作者（设备）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Reading the conflicts…</source>
        <translation>正在读取冲突…</translation>
    </message>
    <message>
        <source>No conflicts: no device&apos;s value has lost to another&apos;s.</source>
        <translation>没有冲突：没有哪台设备的内容被另一台覆盖。</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) lost to another device&apos;s; they are kept here.</source>
        <translation>
            <numerusform>有 %n 处内容被另一台设备覆盖，原内容保留在这里。</numerusform>
        </translation>
    </message>
    <message>
        <source>(removal overridden by an edit)</source>
        <translation>（删除被一次编辑取代）</translation>
    </message>
</context>
<context>
    <name>ConnectorPanel</name>
    <message>
        <source>Browser connector</source>
        <translation>浏览器连接器</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>更换</translation>
    </message>
    <message>
        <source>Make a new token; the extension then needs it</source>
        <translation>生成新令牌；之后扩展需要填入新令牌</translation>
    </message>
    <message>
        <source>none (reader serve --pair-origin ORIGIN)</source>
        <translation>无（reader serve --pair-origin ORIGIN）</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>令牌：</translation>
    </message>
    <message>
        <source>Extension:</source>
        <translation>扩展：</translation>
    </message>
</context>
<context>
    <name>EditDetails</name>
    <message>
        <source>An article needs a title.</source>
        <translation>文章必须有标题。</translation>
    </message>
    <message>
        <source>Type the date as YYYY, YYYY-MM or YYYY-MM-DD (a real day).</source>
        <translation>日期请写成 YYYY、YYYY-MM 或 YYYY-MM-DD（须是真实存在的日期）。</translation>
    </message>
    <message>
        <source>The URL must be a web address starting with http:// or https://.</source>
        <translation>网址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>Edit Details</source>
        <translation>编辑信息</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Author(s):</source>
        <translation>作者(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>网站(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;ection:</source>
        <translation>栏目(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>网址(&amp;U)：</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>YYYY、YYYY-MM 或 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>As you want the names shown</source>
        <translation>按你希望显示的样子填写</translation>
    </message>
    <message>
        <source>Fields you change here stay as you set them when the article is imported again.</source>
        <translation>在这里改过的字段，再次导入这篇文章时会保持你的设定。</translation>
    </message>
    <message>
        <source>This value cannot be used.</source>
        <translation>这个值不能使用。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Annotations</source>
        <translation>导出批注</translation>
    </message>
    <message>
        <source>Markdown (quotes and notes)</source>
        <translation>Markdown（引文和笔记）</translation>
    </message>
    <message>
        <source>W3C Web Annotations (JSON-LD)</source>
        <translation>W3C 网页批注 (JSON-LD)</translation>
    </message>
    <message>
        <source>CSV (one row per highlight)</source>
        <translation>CSV（每条划线一行）</translation>
    </message>
    <message>
        <source>BibTeX citations</source>
        <translation>BibTeX 引用</translation>
    </message>
    <message>
        <source>RIS citations</source>
        <translation>RIS 引用</translation>
    </message>
    <message>
        <source>CSL-JSON citations</source>
        <translation>CSL-JSON 引用</translation>
    </message>
    <message>
        <source>This article</source>
        <translation>这篇文章</translation>
    </message>
    <message>
        <source>Its section: {section}</source>
        <translation>所在栏目：{section}</translation>
    </message>
    <message>
        <source>The whole library</source>
        <translation>整个文库</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Articles:</source>
        <translation>文章：</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article</source>
        <translation>在文章中查找</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一处 (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一处 (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>没有找到</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>第 {current} 处，共 {total} 处</translation>
    </message>
</context>
<context>
    <name>HighlightTable</name>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>By {name} (read-only)</source>
        <translation>{name} 所作（只读）</translation>
    </message>
</context>
<context>
    <name>ImportDialogs</name>
    <message>
        <source>Import Files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>Articles, books and feeds (*.txt *.text *.html *.htm *.xhtml *.mhtml *.mht *.md *.markdown *.epub *.atom *.rss *.xml *.json *.feed);;All files (*)</source>
        <translation>文章、图书和订阅源 (*.txt *.text *.html *.htm *.xhtml *.mhtml *.mht *.md *.markdown *.epub *.atom *.rss *.xml *.json *.feed);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <source>Welcome to Reader</source>
        <translation>欢迎使用阅读器</translation>
    </message>
    <message>
        <source>Your library is empty. Import a few sample articles in Chinese and English to look around? You can remove them later.</source>
        <translation>文库还是空的。要导入几篇中英文示例文章先看看吗？以后可以随时删除。</translation>
    </message>
</context>
<context>
    <name>ImportFailures</name>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有访问权限</translation>
    </message>
    <message>
        <source>cannot read the file ({detail})</source>
        <translation>无法读取文件（{detail}）</translation>
    </message>
    <message>
        <source>not a valid file name</source>
        <translation>不是有效的文件名</translation>
    </message>
    <message>
        <source>not a regular file ({kind})</source>
        <translation>不是普通文件（{kind}）</translation>
    </message>
    <message>
        <source>file too large ({size} MB; the limit is {limit} MB)</source>
        <translation>文件太大（{size} MB；上限为 {limit} MB）</translation>
    </message>
    <message>
        <source>larger than {limit} MB</source>
        <translation>大于 {limit} MB</translation>
    </message>
    <message>
        <source>unsupported file type {suffix}</source>
        <translation>不支持的文件类型 {suffix}</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>the file holds {count} articles; import it as a file</source>
        <translation>该文件包含 {count} 篇文章；请作为文件导入</translation>
    </message>
    <message>
        <source>the file holds several articles: it cannot replace one</source>
        <translation>该文件包含多篇文章：不能用它替换一篇文章</translation>
    </message>
    <message>
        <source>no readable text found</source>
        <translation>未找到可读的文字</translation>
    </message>
    <message>
        <source>not a text file (binary data)</source>
        <translation>不是文本文件（二进制数据）</translation>
    </message>
    <message>
        <source>damaged UTF-8 text (decoding it would need replacement characters)</source>
        <translation>UTF-8 文本已损坏（解码需要替换字符）</translation>
    </message>
    <message>
        <source>unknown text encoding (no supported encoding decodes it without replacement characters)</source>
        <translation>未知的文本编码（没有一种支持的编码能不加替换字符地解码）</translation>
    </message>
    <message>
        <source>{part} is not well-formed XML</source>
        <translation>{part}不是格式正确的 XML</translation>
    </message>
    <message>
        <source>{part} is empty</source>
        <translation>{part}是空的</translation>
    </message>
    <message>
        <source>not an EPUB book (not a readable zip archive)</source>
        <translation>不是 EPUB 图书（不是可读的 zip 压缩包）</translation>
    </message>
    <message>
        <source>damaged or hostile EPUB (more than {limit} files)</source>
        <translation>EPUB 已损坏或有害（超过 {limit} 个文件）</translation>
    </message>
    <message>
        <source>hostile EPUB (unsafe file name {name})</source>
        <translation>有害的 EPUB（不安全的文件名 {name}）</translation>
    </message>
    <message>
        <source>hostile EPUB (unpacks to more than {limit} MB)</source>
        <translation>有害的 EPUB（解压后超过 {limit} MB）</translation>
    </message>
    <message>
        <source>damaged EPUB (cannot unpack {name})</source>
        <translation>EPUB 已损坏（无法解压 {name}）</translation>
    </message>
    <message>
        <source>damaged EPUB (unknown compression in {name})</source>
        <translation>EPUB 已损坏（{name} 使用了未知的压缩方式）</translation>
    </message>
    <message>
        <source>damaged EPUB (no {name})</source>
        <translation>EPUB 已损坏（缺少 {name}）</translation>
    </message>
    <message>
        <source>damaged EPUB (no package file {name})</source>
        <translation>EPUB 已损坏（缺少包文件 {name}）</translation>
    </message>
    <message>
        <source>damaged EPUB (its container names no package file)</source>
        <translation>EPUB 已损坏（容器未指明包文件）</translation>
    </message>
    <message>
        <source>damaged EPUB (the package file is not an OPF package)</source>
        <translation>EPUB 已损坏（包文件不是 OPF 包）</translation>
    </message>
    <message>
        <source>the EPUB is DRM-protected (its content is encrypted)</source>
        <translation>该 EPUB 受 DRM 保护（内容已加密）</translation>
    </message>
    <message>
        <source>damaged EPUB (its spine lists no readable chapters)</source>
        <translation>EPUB 已损坏（书脊中没有可读的章节）</translation>
    </message>
    <message>
        <source>no readable text found in the EPUB</source>
        <translation>EPUB 中未找到可读的文字</translation>
    </message>
    <message>
        <source>damaged EPUB (chapter {name} is missing or empty)</source>
        <translation>EPUB 已损坏（章节 {name} 缺失或为空）</translation>
    </message>
    <message>
        <source>the feed has no entries with text</source>
        <translation>该订阅源没有含文字的条目</translation>
    </message>
    <message>
        <source>not a feed (neither XML nor JSON)</source>
        <translation>不是订阅源（既不是 XML 也不是 JSON）</translation>
    </message>
    <message>
        <source>not a feed (an XML document of type &lt;{root}&gt;)</source>
        <translation>不是订阅源（类型为 &lt;{root}&gt; 的 XML 文档）</translation>
    </message>
    <message>
        <source>not a feed (the JSON cannot be read)</source>
        <translation>不是订阅源（无法读取 JSON）</translation>
    </message>
    <message>
        <source>not a feed (a JSON file without a JSON Feed version)</source>
        <translation>不是订阅源（JSON 文件没有 JSON Feed 版本号）</translation>
    </message>
    <message>
        <source>not an MHTML file (no MIME Content-Type header)</source>
        <translation>不是 MHTML 文件（没有 MIME Content-Type 头）</translation>
    </message>
    <message>
        <source>damaged MHTML file (its parts cannot be separated)</source>
        <translation>MHTML 文件已损坏（无法分离其各部分）</translation>
    </message>
    <message>
        <source>damaged MHTML file (parts nested too deeply)</source>
        <translation>MHTML 文件已损坏（部分嵌套过深）</translation>
    </message>
    <message>
        <source>damaged MHTML file (more than {limit} parts)</source>
        <translation>MHTML 文件已损坏（超过 {limit} 个部分）</translation>
    </message>
    <message>
        <source>the MHTML file contains no HTML page</source>
        <translation>MHTML 文件中没有 HTML 页面</translation>
    </message>
    <message>
        <source>the MHTML file&apos;s page is empty</source>
        <translation>MHTML 文件中的页面是空的</translation>
    </message>
    <message>
        <source>the importer crashed on this file ({how})</source>
        <translation>导入程序处理此文件时崩溃（{how}）</translation>
    </message>
    <message>
        <source>too deeply nested</source>
        <translation>嵌套过深</translation>
    </message>
    <message>
        <source>too large to import</source>
        <translation>太大，无法导入</translation>
    </message>
    <message>
        <source>unexpected error ({name}); details in the log</source>
        <translation>意外错误（{name}）；详情见日志</translation>
    </message>
    <message>
        <source>not a valid URL: {url}</source>
        <translation>不是有效的网址：{url}</translation>
    </message>
    <message>
        <source>not a valid URL (no host): {url}</source>
        <translation>不是有效的网址（没有主机）：{url}</translation>
    </message>
    <message>
        <source>only http and https URLs can be fetched (this one has {scheme})</source>
        <translation>只能获取 http 和 https 网址（此网址为 {scheme}）</translation>
    </message>
    <message>
        <source>only http and https URLs can be fetched</source>
        <translation>只能获取 http 和 https 网址</translation>
    </message>
    <message>
        <source>not an HTML page (the server says {type})</source>
        <translation>不是 HTML 页面（服务器称其为 {type}）</translation>
    </message>
    <message>
        <source>not an HTML page ({type})</source>
        <translation>不是 HTML 页面（{type}）</translation>
    </message>
    <message>
        <source>not an HTML page (no content type)</source>
        <translation>不是 HTML 页面（没有内容类型）</translation>
    </message>
    <message>
        <source>too many redirects (more than {limit})</source>
        <translation>重定向次数过多（超过 {limit} 次）</translation>
    </message>
    <message>
        <source>too large ({size} MB; the limit is {limit} MB)</source>
        <translation>太大（{size} MB；上限为 {limit} MB）</translation>
    </message>
    <message>
        <source>too large (more than {size} MB; the limit is {limit} MB)</source>
        <translation>太大（超过 {size} MB；上限为 {limit} MB）</translation>
    </message>
    <message>
        <source>the download took longer than {seconds} s; stopped</source>
        <translation>下载超过 {seconds} 秒；已停止</translation>
    </message>
    <message>
        <source>the server redirected without saying where</source>
        <translation>服务器要求重定向，但未给出目标</translation>
    </message>
    <message>
        <source>the server redirected to an invalid URL</source>
        <translation>服务器重定向到了无效的网址</translation>
    </message>
    <message>
        <source>redirected to a URL that is refused: {url}</source>
        <translation>重定向到了被拒绝的网址：{url}</translation>
    </message>
    <message>
        <source>the server answered {status}</source>
        <translation>服务器返回 {status}</translation>
    </message>
    <message>
        <source>the server answered {status} without a usable redirect</source>
        <translation>服务器返回 {status}，但没有可用的重定向</translation>
    </message>
    <message>
        <source>timed out connecting to {host}</source>
        <translation>连接 {host} 超时</translation>
    </message>
    <message>
        <source>timed out waiting for {host} to answer</source>
        <translation>等待 {host} 响应超时</translation>
    </message>
    <message>
        <source>not fetched: {host} is on this computer or local network; the article is not from there</source>
        <translation>未获取：{host} 位于本机或本地网络，而文章并非来自那里</translation>
    </message>
    <message>
        <source>cannot find the server {host} (DNS lookup failed)</source>
        <translation>找不到服务器 {host}（DNS 查询失败）</translation>
    </message>
    <message>
        <source>secure connection to {host} failed (TLS: {detail})</source>
        <translation>与 {host} 的安全连接失败（TLS：{detail}）</translation>
    </message>
    <message>
        <source>secure connection to {host} failed (TLS)</source>
        <translation>与 {host} 的安全连接失败（TLS）</translation>
    </message>
    <message>
        <source>{host} refused the connection</source>
        <translation>{host} 拒绝了连接</translation>
    </message>
    <message>
        <source>cannot connect to {host}</source>
        <translation>无法连接到 {host}</translation>
    </message>
    <message>
        <source>{host} sent a broken response or closed the connection</source>
        <translation>{host} 发送了损坏的响应或关闭了连接</translation>
    </message>
    <message>
        <source>{host} sent a body that cannot be decompressed</source>
        <translation>{host} 发送的内容无法解压</translation>
    </message>
    <message>
        <source>cannot fetch from {host} ({name})</source>
        <translation>无法从 {host} 获取（{name}）</translation>
    </message>
    <message>
        <source>the feed</source>
        <translation>订阅源</translation>
    </message>
    <message>
        <source>the package file</source>
        <translation>包文件</translation>
    </message>
    <message>
        <source>the contents</source>
        <translation>目录</translation>
    </message>
</context>
<context>
    <name>ImportStrip</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Preparing the import…</source>
        <translation>正在准备导入…</translation>
    </message>
    <message>
        <source>Importing {total} files…</source>
        <translation>正在导入 {total} 个文件…</translation>
    </message>
    <message>
        <source>Importing {done} of {total}: {name}</source>
        <translation>正在导入 {done}/{total}：{name}</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>unsupported file type</source>
        <translation>不支持的文件类型</translation>
    </message>
    <message>
        <source>not a feed</source>
        <translation>不是订阅源</translation>
    </message>
    <message>
        <source>(no suffix)</source>
        <translation>（无扩展名）</translation>
    </message>
    <message>
        <source>Imported {n}</source>
        <translation>已导入 {n} 篇</translation>
    </message>
    <message>
        <source>{n} updated</source>
        <translation>已更新 {n} 个</translation>
    </message>
    <message>
        <source>{n} already in the library</source>
        <translation>{n} 篇已在文库中</translation>
    </message>
    <message>
        <source>{n} failed</source>
        <translation>{n} 个失败</translation>
    </message>
    <message>
        <source>skipped {n}: {kinds}</source>
        <translation>跳过 {n} 个：{kinds}</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>stopped: {error}</source>
        <translation>已停止：{error}</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Import Summary</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>Already in the library</source>
        <translation>已在文库中</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Not imported (stopped before asking)</source>
        <translation>未导入（询问前已停止）</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>Reader is already open on the library in {folder}; switch to that window. (If no Reader is running, remove {lock} and start again.)</source>
        <translation>Reader 已经打开了 {folder} 中的文库，请切换到那个窗口。（如果没有 Reader 在运行，请删除 {lock} 后重新启动。）</translation>
    </message>
</context>
<context>
    <name>KeyboardNavigation</name>
    <message>
        <source>No more unread articles</source>
        <translation>没有更多未读文章了</translation>
    </message>
</context>
<context>
    <name>LibrarySearch</name>
    <message>
        <source>No results for “{query}”</source>
        <translation>没有找到“{query}”</translation>
    </message>
    <message>
        <source>1 result for “{query}”</source>
        <translation>“{query}”有 1 条结果</translation>
    </message>
    <message>
        <source>{n} results for “{query}”</source>
        <translation>“{query}”共有 {n} 条结果</translation>
    </message>
    <message>
        <source>No articles match “{query}”.</source>
        <translation>没有文章包含“{query}”。</translation>
    </message>
</context>
<context>
    <name>ListOptions</name>
    <message>
        <source>&amp;Compact List</source>
        <translation>紧凑列表(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Site</source>
        <translation>网站(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;ection</source>
        <translation>栏目(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No articles here.</source>
        <translation>这里还没有文章。</translation>
    </message>
    <message>
        <source>Your library is empty.
Drop saved articles here to import them.</source>
        <translation>文库还是空的。
把保存的文章拖到这里即可导入。</translation>
    </message>
    <message>
        <source>Read-only library: changes are off</source>
        <translation>文库为只读：不能修改</translation>
    </message>
    <message>
        <source>This article has no web page to open</source>
        <translation>这篇文章没有可打开的网页</translation>
    </message>
    <message>
        <source>Your library is empty</source>
        <translation>文库还是空的</translation>
    </message>
    <message>
        <source>Import saved articles with File → Import Files… or drop files and folders on this window.</source>
        <translation>用“文件 → 导入文件…”导入保存的文章，或把文件和文件夹拖到这个窗口上。</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选择文章</translation>
    </message>
    <message>
        <source>Choose an article from the list.</source>
        <translation>请从列表中选择一篇文章。</translation>
    </message>
    <message>
        <source>Not opened: Reader opens only web and e-mail links ({url})</source>
        <translation>未打开：阅读器只打开网页和电子邮件链接（{url}）</translation>
    </message>
    <message>
        <source>Zoom {zoom}%</source>
        <translation>缩放 {zoom}%</translation>
    </message>
    <message>
        <source>Search failed: {error}</source>
        <translation>搜索失败：{error}</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message>
        <source>Rebuilding the search index: {done} of {total} articles</source>
        <translation>正在重建搜索索引：{done} / {total} 篇</translation>
    </message>
    <message>
        <source>Search index built.</source>
        <translation>搜索索引已建立。</translation>
    </message>
    <message>
        <source>Search index rebuilt ({reason}).</source>
        <translation>搜索索引已重建（{reason}）。</translation>
    </message>
</context>
<context>
    <name>NewVersion</name>
    <message>
        <source>New Version or New Article?</source>
        <translation>新版本还是新文章？</translation>
    </message>
    <message>
        <source>web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>“{title}” has the same {shared} as #{id} “{old}”, but the texts differ a lot.</source>
        <translation>《{title}》与 #{id}《{old}》的{shared}相同，但正文差别很大。</translation>
    </message>
    <message>
        <source>{kept:.0%} of the stored text is in the new one. A new version replaces the text of #{id} and moves its highlights onto the new text; a separate article leaves #{id} as it is.</source>
        <translation>已存正文的 {kept:.0%} 出现在新正文中。作为新版本会替换 #{id} 的正文，并把划线移到新正文上；作为单独的文章则不改动 #{id}。</translation>
    </message>
    <message>
        <source>New Version of #{id}</source>
        <translation>作为 #{id} 的新版本</translation>
    </message>
    <message>
        <source>Separate Article</source>
        <translation>作为单独的文章</translation>
    </message>
</context>
<context>
    <name>NotesFolderPanel</name>
    <message>
        <source>Notes folder</source>
        <translation>笔记文件夹</translation>
    </message>
    <message>
        <source>Keep an Obsidian vault or Logseq graph up to date</source>
        <translation>让 Obsidian 库或 Logseq 图谱保持最新</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>Update now</source>
        <translation>立即更新</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>No folder chosen</source>
        <translation>未选择文件夹</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>A note on the whole article (Markdown)</source>
        <translation>整篇文章的笔记（Markdown）</translation>
    </message>
    <message>
        <source>Article note</source>
        <translation>文章笔记</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>划线</translation>
    </message>
    <message>
        <source>Delete this highlight and its note</source>
        <translation>删除此划线及其笔记</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>The passage shown is the right one: keep it.</source>
        <translation>显示的这段文字正确：保留它。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Re-attach</source>
        <translation>重新关联</translation>
    </message>
    <message>
        <source>Attach this highlight to the passage selected in the article.</source>
        <translation>将此划线关联到文章中所选的文字。</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <source>A note on this highlight (Markdown)</source>
        <translation>这条划线的笔记（Markdown）</translation>
    </message>
    <message>
        <source>⚠ Not found in the text — re-attach it</source>
        <translation>⚠ 在正文中找不到了——请重新关联</translation>
    </message>
    <message>
        <source>≈ Found approximately — confirm or re-attach</source>
        <translation>≈ 近似匹配找到——请确认或重新关联</translation>
    </message>
    <message>
        <source>The article changed and this passage was not found again.</source>
        <translation>文章已更改，没能再找到这段文字。</translation>
    </message>
    <message>
        <source>Found again approximately after the article changed.</source>
        <translation>文章更改后，按近似匹配重新找到。</translation>
    </message>
    <message>
        <source>By {name} (read-only)</source>
        <translation>{name} 所作（只读）</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>OrganizingCommands</name>
    <message>
        <source>Save this search in the sidebar</source>
        <translation>把这次搜索保存到侧栏</translation>
    </message>
    <message>
        <source>Delete Section “{name}”</source>
        <translation>删除栏目“{name}”</translation>
    </message>
    <message>
        <source>Merge Section</source>
        <translation>合并栏目</translation>
    </message>
    <message>
        <source>Move every article of “{name}” into:</source>
        <translation>把“{name}”中的所有文章移到：</translation>
    </message>
    <message>
        <source>Merge “{name}” into “{into}”</source>
        <translation>把“{name}”合并到“{into}”</translation>
    </message>
    <message>
        <source>Save Search</source>
        <translation>保存搜索</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Save Search “{name}”</source>
        <translation>保存搜索“{name}”</translation>
    </message>
    <message>
        <source>Rename Saved Search</source>
        <translation>重命名已存搜索</translation>
    </message>
    <message>
        <source>New name for “{name}”:</source>
        <translation>“{name}”的新名称：</translation>
    </message>
    <message>
        <source>Delete Saved Search “{name}”</source>
        <translation>删除已存搜索“{name}”</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>阅读器</translation>
    </message>
</context>
<context>
    <name>PaneTables</name>
    <message numerus="yes">
        <source>Table: %n columns</source>
        <translation>
            <numerusform>表格：%n 列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n rows</source>
        <translation>
            <numerusform>，%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Table</source>
        <translation>打开表格</translation>
    </message>
</context>
<context>
    <name>PastedImports</name>
    <message>
        <source>Nothing to paste: copy a web address, a page or a text</source>
        <translation>没有可粘贴的内容：请先复制网址、网页或文字</translation>
    </message>
    <message>
        <source>Importing the pasted text…</source>
        <translation>正在导入粘贴的内容…</translation>
    </message>
    <message>
        <source>This library is read-only: nothing can be added</source>
        <translation>这个文库是只读的：不能添加内容</translation>
    </message>
    <message>
        <source>Pasted: {title}</source>
        <translation>已粘贴：{title}</translation>
    </message>
    <message>
        <source>Could not import the pasted text: {reason}</source>
        <translation>无法导入粘贴的内容：{reason}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>Serif</source>
        <translation>衬线（宋体类）</translation>
    </message>
    <message>
        <source>Sans-serif</source>
        <translation>无衬线（黑体类）</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>护眼（米黄）</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>阅读</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Installed font</source>
        <translation>已安装的字体</translation>
    </message>
    <message>
        <source>Font:</source>
        <translation>字体：</translation>
    </message>
    <message>
        <source>Installed font:</source>
        <translation>已安装的字体：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <source> em</source>
        <translation> 字</translation>
    </message>
    <message>
        <source>The longest line, in ems: 38 em is about 38 Chinese characters.</source>
        <translation>每行最长宽度，以字宽计：38 字约等于 38 个汉字。</translation>
    </message>
    <message>
        <source>Line height:</source>
        <translation>行高：</translation>
    </message>
    <message>
        <source>Paragraph spacing:</source>
        <translation>段间距：</translation>
    </message>
    <message>
        <source>Column width:</source>
        <translation>栏宽：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <source>★ Bookmarked</source>
        <translation>★ 已加书签</translation>
    </message>
    <message>
        <source>MMMM d, yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Not downloaded (Article ▸ Download Images)</source>
        <translation>未下载（文章 ▸ 下载图片）</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Search articles ({shortcut})</source>
        <translation>搜索文章 ({shortcut})</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Search syntax</source>
        <translation>搜索语法</translation>
    </message>
</context>
<context>
    <name>SearchHelp</name>
    <message>
        <source>articles containing all the words</source>
        <translation>同时包含所有词的文章</translation>
    </message>
    <message>
        <source>the exact phrase</source>
        <translation>完整短语</translation>
    </message>
    <message>
        <source>either word</source>
        <translation>任一个词</translation>
    </message>
    <message>
        <source>leave out articles with the word</source>
        <translation>排除包含该词的文章</translation>
    </message>
    <message>
        <source>the word in the title</source>
        <translation>标题中包含该词</translation>
    </message>
    <message>
        <source>a section or a site</source>
        <translation>指定栏目或网站</translation>
    </message>
    <message>
        <source>the article&apos;s language</source>
        <translation>文章语言</translation>
    </message>
    <message>
        <source>a tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>bookmarked, or with notes</source>
        <translation>已加书签，或有笔记</translation>
    </message>
    <message>
        <source>published after or before</source>
        <translation>在某日期之后或之前发表</translation>
    </message>
    <message>
        <source>published in that year, month or day</source>
        <translation>在某年、某月或某日发表</translation>
    </message>
    <message>
        <source>Search syntax</source>
        <translation>搜索语法</translation>
    </message>
    <message>
        <source>Chinese, Japanese and Korean words are found without spaces.</source>
        <translation>中文、日文和韩文词语无需空格即可搜到。</translation>
    </message>
    <message>
        <source>Search Syntax</source>
        <translation>搜索语法</translation>
    </message>
</context>
<context>
    <name>SearchNotices</name>
    <message>
        <source>unbalanced quote; searched for the words instead</source>
        <translation>引号不成对；已改为搜索其中的词</translation>
    </message>
    <message>
        <source>ignored an unmatched )</source>
        <translation>忽略了多余的 )</translation>
    </message>
    <message>
        <source>ignored a stray {operator}</source>
        <translation>忽略了多余的 {operator}</translation>
    </message>
    <message>
        <source>brackets nested too deeply; ignored them</source>
        <translation>括号嵌套太深，已忽略</translation>
    </message>
    <message>
        <source>unbalanced bracket; ignored it</source>
        <translation>括号不成对，已忽略</translation>
    </message>
    <message>
        <source>searched only the first {limit} words</source>
        <translation>只搜索了前 {limit} 个词</translation>
    </message>
    <message>
        <source>nothing after {field}:</source>
        <translation>{field}: 后面没有内容</translation>
    </message>
    <message>
        <source>unknown {field}:{value}; ignored it</source>
        <translation>无法识别 {field}:{value}，已忽略</translation>
    </message>
    <message>
        <source>words cannot start with a wildcard; searched without it</source>
        <translation>词不能以通配符开头；已去掉通配符搜索</translation>
    </message>
    <message>
        <source>not a date: {value} (use 2024, 2024-10 or 2024-10-26)</source>
        <translation>不是日期：{value}（请写成 2024、2024-10 或 2024-10-26）</translation>
    </message>
    <message>
        <source>query shortened to its first {limit} characters</source>
        <translation>搜索内容已截短为前 {limit} 个字符</translation>
    </message>
    <message>
        <source>nothing to search for in that query</source>
        <translation>这条搜索没有可搜索的内容</translation>
    </message>
    <message>
        <source>nothing searchable in &apos;{text}&apos;</source>
        <translation>“{text}”中没有可搜索的内容</translation>
    </message>
    <message>
        <source>searched the first {limit} words of a long phrase</source>
        <translation>短语太长，只搜索了前 {limit} 个词</translation>
    </message>
    <message>
        <source>query shortened: it had more than {limit} terms</source>
        <translation>搜索内容已截短：词数超过 {limit} 个</translation>
    </message>
    <message>
        <source>unknown filter {field}:</source>
        <translation>无法识别的筛选条件 {field}:</translation>
    </message>
    <message>
        <source>{field}: is not a filter; searched for {value} alone</source>
        <translation>{field}: 不是筛选条件；只搜索了 {value}</translation>
    </message>
    <message>
        <source>The search index was rebuilt.</source>
        <translation>搜索索引已重建</translation>
    </message>
    <message>
        <source>The search index is being rebuilt; results will appear when it is done.</source>
        <translation>正在重建搜索索引，完成后会显示结果。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>All Articles</source>
        <translation>全部文章</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Annotated</source>
        <translation>有批注</translation>
    </message>
    <message>
        <source>Recently Read</source>
        <translation>最近阅读</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Saved Searches</source>
        <translation>已存搜索</translation>
    </message>
</context>
<context>
    <name>SidebarView</name>
    <message>
        <source>Rename Section…</source>
        <translation>重命名栏目…</translation>
    </message>
    <message>
        <source>Merge Into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Delete Section</source>
        <translation>删除栏目</translation>
    </message>
    <message>
        <source>Rename Saved Search…</source>
        <translation>重命名已存搜索…</translation>
    </message>
    <message>
        <source>Delete Saved Search</source>
        <translation>删除已存搜索</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Setting up sync…</source>
        <translation>正在设置同步…</translation>
    </message>
    <message>
        <source>Sync is not set up</source>
        <translation>尚未设置同步</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Last sync {when}</source>
        <translation>上次同步：{when}</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Sync: idle</source>
        <translation>同步：空闲</translation>
    </message>
    <message>
        <source>Sync: syncing…</source>
        <translation>同步：正在同步…</translation>
    </message>
    <message>
        <source>Sync: error</source>
        <translation>同步：出错</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>a shared folder, or https://host/dav/path</source>
        <translation>共享文件夹，或 https://host/dav/path</translation>
    </message>
    <message>
        <source>WebDAV only</source>
        <translation>仅用于 WebDAV</translation>
    </message>
    <message>
        <source>kept in the system keyring</source>
        <translation>保存在系统密钥环中</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Conflicts…</source>
        <translation>冲突…</translation>
    </message>
    <message>
        <source>Folder or URL:</source>
        <translation>文件夹或网址：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>你的名字：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Last sync: {when} · pending: {pending} · conflicts: {conflicts}</source>
        <translation>上次同步：{when} · 待同步：{pending} · 冲突：{conflicts}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Sync is not set up</source>
        <translation>尚未设置同步</translation>
    </message>
</context>
<context>
    <name>TableViewer</name>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
</context>
<context>
    <name>TagEditorDialog</name>
    <message>
        <source>Edit Tags</source>
        <translation>编辑标签</translation>
    </message>
    <message>
        <source>Tags of “{title}”, separated by commas:</source>
        <translation>《{title}》的标签，用逗号分隔：</translation>
    </message>
    <message>
        <source>e.g. climate, to read again</source>
        <translation>例如：气候, 待重读</translation>
    </message>
</context>
<context>
    <name>UndoHistory</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
</context>
<context>
    <name>VaultKeeper</name>
    <message>
        <source>Logseq graph</source>
        <translation>Logseq 图谱</translation>
    </message>
    <message>
        <source>Obsidian vault</source>
        <translation>Obsidian 库</translation>
    </message>
    <message>
        <source>{kind} updated: {notes}</source>
        <translation>{kind}已更新：{notes}</translation>
    </message>
    <message>
        <source>{kind} not updated: {error}</source>
        <translation>{kind}未更新：{error}</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n 篇笔记</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to {kind}</source>
        <translation>导出到{kind}</translation>
    </message>
    <message>
        <source>{kind} {folder}: {notes} written</source>
        <translation>{kind} {folder}：已写入 {notes}</translation>
    </message>
    <message>
        <source>; {notes} deleted there and left deleted</source>
        <translation>；{notes}已在那里删除，保持删除</translation>
    </message>
    <message>
        <source>Deleted in the {kind} and left deleted: {notes}. Write again?</source>
        <translation>已在{kind}中删除并保持删除的：{notes}。要重新写入吗？</translation>
    </message>
</context>
<context>
    <name>ViewRefresh</name>
    <message numerus="yes">
        <source>%Ln article(s) · {unread} unread</source>
        <translation>
            <numerusform>共 %Ln 篇 · {unread} 篇未读</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WatchedFolder</name>
    <message>
        <source>Watching {folder} for new articles</source>
        <translation>正在监视 {folder} 中的新文章</translation>
    </message>
    <message>
        <source>Imported from the watched folder: {title}</source>
        <translation>已从监视的文件夹导入：{title}</translation>
    </message>
    <message>
        <source>Could not import {name}: {reason}</source>
        <translation>无法导入 {name}：{reason}</translation>
    </message>
</context>
<context>
    <name>WatchedFolderPanel</name>
    <message>
        <source>Watched folder</source>
        <translation>监视的文件夹</translation>
    </message>
    <message>
        <source>Import new files from folder…</source>
        <translation>自动导入文件夹中的新文件…</translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation>停止监视</translation>
    </message>
    <message>
        <source>No folder is watched</source>
        <translation>没有监视任何文件夹</translation>
    </message>
    <message>
        <source>Import new files from folder</source>
        <translation>自动导入文件夹中的新文件</translation>
    </message>
</context>
<context>
    <name>WebCapture</name>
    <message>
        <source>Import from URL</source>
        <translation>从网址导入</translation>
    </message>
    <message>
        <source>Address of the web page (http or https):</source>
        <translation>网页地址（http 或 https）：</translation>
    </message>
    <message>
        <source>Fetching {url}…</source>
        <translation>正在获取 {url}…</translation>
    </message>
    <message>
        <source>Saved: {title}</source>
        <translation>已保存：{title}</translation>
    </message>
    <message>
        <source>Could not import {url}: {reason}</source>
        <translation>无法导入 {url}：{reason}</translation>
    </message>
</context>
<context>
    <name>WebImageDownloads</name>
    <message>
        <source>Downloading images…</source>
        <translation>正在下载图片…</translation>
    </message>
    <message>
        <source>Downloading images… {done} of {total}</source>
        <translation>正在下载图片… {done}/{total}</translation>
    </message>
    <message>
        <source>This article has no web images to download</source>
        <translation>这篇文章没有需要下载的网络图片</translation>
    </message>
    <message>
        <source>Saved {saved} of {total} images; not saved: {url}: {reason}</source>
        <translation>已保存 {saved}/{total} 张图片；未保存：{url}：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n image(s)</source>
        <translation>
            <numerusform>已保存 %n 张图片</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Import &amp;Files…</source>
        <translation>导入文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import F&amp;older…</source>
        <translation>导入文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>Import from &amp;URL…</source>
        <translation>从网址导入(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <translation>在文章中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一处(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一处(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Search Library</source>
        <translation>搜索文库(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Actual Si&amp;ze</source>
        <translation>实际大小(&amp;Z)</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;epia</source>
        <translation>护眼(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>Focus &amp;Mode</source>
        <translation>专注模式(&amp;M)</translation>
    </message>
    <message>
        <source>Show Side&amp;bar</source>
        <translation>显示侧栏(&amp;B)</translation>
    </message>
    <message>
        <source>Show Article &amp;List</source>
        <translation>显示文章列表(&amp;L)</translation>
    </message>
    <message>
        <source>Mark as &amp;Read</source>
        <translation>标为已读(&amp;R)</translation>
    </message>
    <message>
        <source>Mark as &amp;Unread</source>
        <translation>标为未读(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Bookmark</source>
        <translation>加书签(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Open Original Page</source>
        <translation>打开原网页(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Move to Section…</source>
        <translation>移到栏目(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Edit Details…</source>
        <translation>编辑信息(&amp;E)…</translation>
    </message>
    <message>
        <source>Move to &amp;Trash</source>
        <translation>移到回收站(&amp;T)</translation>
    </message>
    <message>
        <source>Restore &amp;from Trash</source>
        <translation>从回收站恢复(&amp;F)</translation>
    </message>
    <message>
        <source>Em&amp;pty Trash…</source>
        <translation>清空回收站(&amp;P)…</translation>
    </message>
    <message>
        <source>Do&amp;wnload Images for This Article</source>
        <translation>下载这篇文章的图片(&amp;W)</translation>
    </message>
    <message>
        <source>Fetch the web images this article shows as placeholders</source>
        <translation>下载这篇文章中以占位符显示的网络图片</translation>
    </message>
    <message>
        <source>Search &amp;Syntax</source>
        <translation>搜索语法(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Reader</source>
        <translation>关于阅读器(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Export Annotations…</source>
        <translation>导出批注(&amp;E)…</translation>
    </message>
    <message>
        <source>Export to Obsi&amp;dian Vault…</source>
        <translation>导出到 Obsidian 库(&amp;D)…</translation>
    </message>
    <message>
        <source>Export to Lo&amp;gseq Graph…</source>
        <translation>导出到 Logseq 图谱(&amp;G)…</translation>
    </message>
    <message>
        <source>Import &amp;Annotations…</source>
        <translation>导入批注(&amp;A)…</translation>
    </message>
    <message>
        <source>All &amp;Annotations</source>
        <translation>全部批注(&amp;A)</translation>
    </message>
    <message>
        <source>Colour &amp;Meanings…</source>
        <translation>颜色含义(&amp;M)…</translation>
    </message>
    <message>
        <source>Highlight in {color} ({key})</source>
        <translation>用{color}划线 ({key})</translation>
    </message>
    <message>
        <source>Re-attach to Se&amp;lection</source>
        <translation>关联到所选文字(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Confirm Highlight Position</source>
        <translation>确认划线位置(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Delete Highlight</source>
        <translation>删除划线(&amp;D)</translation>
    </message>
    <message>
        <source>Next &amp;Highlight</source>
        <translation>下一条划线(&amp;H)</translation>
    </message>
    <message>
        <source>Previous Hi&amp;ghlight</source>
        <translation>上一条划线(&amp;G)</translation>
    </message>
    <message>
        <source>Edit Ta&amp;gs…</source>
        <translation>编辑标签(&amp;G)…</translation>
    </message>
    <message>
        <source>Save S&amp;earch…</source>
        <translation>保存搜索(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Next Article</source>
        <translation>下一篇文章(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Article</source>
        <translation>上一篇文章(&amp;P)</translation>
    </message>
    <message>
        <source>Next &amp;Unread</source>
        <translation>下一篇未读(&amp;U)</translation>
    </message>
    <message>
        <source>P&amp;revious Unread</source>
        <translation>上一篇未读(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Sort By</source>
        <translation>排序方式(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>文章(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Highlight Selection</source>
        <translation>划线标记所选文字(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
</TS>
