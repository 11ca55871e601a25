<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>&lt;h3&gt;Reader {version}&lt;/h3&gt;&lt;p&gt;A reader for saved articles, with search that understands Chinese, Japanese and English.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;阅读器 {version}&lt;/h3&gt;&lt;p&gt;阅读保存下来的文章，搜索能读懂中文、日文和英文。&lt;/p&gt;</translation>
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
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>{n} highlight(s)</source>
        <translation>{n} 条划线</translation>
    </message>
</context>
<context>
    <name>AnnotationCommands</name>
    <message>
        <source>Highlight</source>
        <translation>划线</translation>
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
        <source>Delete this highlight and its note?</source>
        <translation>要删除这条划线及其笔记吗？</translation>
    </message>
    <message>
        <source>Select the passage in the article, then re-attach.</source>
        <translation>先在文章中选中那段文字，再重新关联。</translation>
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
        <source>W3C Web Annotations (*.jsonld *.json)</source>
        <translation>W3C 网页批注 (*.jsonld *.json)</translation>
    </message>
    <message>
        <source>Imported {added} annotation(s); {present} were already here.</source>
        <translation>已导入 {added} 条批注；{present} 条原已存在。</translation>
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
        <source>Move {n} article(s) to the section:</source>
        <translation>把 {n} 篇文章移到栏目：</translation>
    </message>
    <message>
        <source>Remove “{title}” from the library?</source>
        <translation>要从文库中删除《{title}》吗？</translation>
    </message>
    <message>
        <source>Remove {n} articles from the library?</source>
        <translation>要从文库中删除 {n} 篇文章吗？</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Their reading positions and bookmarks go with them.</source>
        <translation>阅读位置和书签也会一并删除。</translation>
    </message>
    <message>
        <source>{n} of them carry highlights or notes, which are deleted too. To keep them, export them first (File → Export Annotations…).</source>
        <translation>其中 {n} 篇带有划线或笔记，也会一并删除。如要保留，请先导出（文件 → 导出批注…）。</translation>
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
</context>
<context>
    <name>ImportDialogs</name>
    <message>
        <source>Import Files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>Saved articles (*.txt *.html *.htm *.mhtml *.mht *.md *.markdown);;All files (*)</source>
        <translation>保存的文章 (*.txt *.html *.htm *.mhtml *.mht *.md *.markdown);;所有文件 (*)</translation>
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
        <source>Imported {n}</source>
        <translation>已导入 {n} 篇</translation>
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
        <source>{total} articles · {unread} unread</source>
        <translation>共 {total} 篇 · {unread} 篇未读</translation>
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
        <source>Re-attach to Selection</source>
        <translation>关联到所选文字</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
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
        <source>The article changed and this passage was not found again.</source>
        <translation>文章已更改，没能再找到这段文字。</translation>
    </message>
    <message>
        <source>Found again approximately after the article changed.</source>
        <translation>文章更改后，按近似匹配重新找到。</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
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
        <source>Font:</source>
        <translation>字体：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>MMMM d, yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>Link not opened</source>
        <translation>未打开链接</translation>
    </message>
    <message>
        <source>Reader opens only web and e-mail links.</source>
        <translation>阅读器只打开网页和电子邮件链接。</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <source>Open this link in your browser?

{url}</source>
        <translation>要在浏览器中打开这个链接吗？

{url}</translation>
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
</context>
<context>
    <name>SidebarView</name>
    <message>
        <source>Rename Section…</source>
        <translation>重命名栏目…</translation>
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
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
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
        <source>&amp;Move to Section…</source>
        <translation>移到栏目(&amp;M)…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>删除(&amp;M)…</translation>
    </message>
    <message>
        <source>Search &amp;Syntax</source>
        <translation>搜索语法(&amp;S)</translation>
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
        <source>&amp;Re-attach to Selection</source>
        <translation>关联到所选文字(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete Highlight</source>
        <translation>删除划线(&amp;D)</translation>
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
