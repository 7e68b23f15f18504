<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionRunner</name>
    <message>
        <source>Trim working set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action} failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no list changed by more than 1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutoCleanDialog</name>
    <message>
        <source>Auto-clean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory in use is above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standby is above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The least time between two automatic cleans. When a clean does not bring memory below the threshold the wait doubles each time (up to the maximum) instead of cleaning in a loop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back off to at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} — unavailable: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} — needs root for automatic cleans</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutoCleanLogView</name>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No automatic clean yet. Every decision auto-clean makes is listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-clean: {text}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutoCleanUI</name>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Auto-clean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-clean &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-clean log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-clean &amp;log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-clean: {short}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-clean: {text}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare {a_name} → {b_name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{a_name}&lt;/b&gt; → &lt;b&gt;{b_name}&lt;/b&gt;, {seconds:.1f} min {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — &lt;span style=&apos;color:#b3261e&apos;&gt;different machines&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes: {counts}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparePicker</name>
    <message>
        <source>Compare snapshots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with this machine now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a snapshot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ElevationBar</name>
    <message>
        <source>Restart as administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyMenu</name>
    <message>
        <source>&amp;Empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action} — running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action} — waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilesView</name>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dirty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writeback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently evicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan processes and file systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files processes map or hold open, then every local file system (not /proc, /sys, /dev, network or pseudo file systems)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Scan to find the files whose pages are in memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by path…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanning {what}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evicting {n_paths} item(s) from the page cache…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standby {_standby_before} → {after} on the whole machine (other programs change it too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanning… {done:,} of about {expected:,} files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanning… {done:,} files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan failed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{examined:,} files looked at in {elapsed:.1f} s by {value} ({state}) at {strftime}{refused}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evicted {n_results} file(s): {moved} left the page cache, {kept} kept (mapped, locked or dirty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {n_errors} failed: {errors}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the lists again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evict from cache ({n_paths} selected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop their clean pages from memory (dirty pages are written first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FragmentationView</name>
    <message>
        <source>Node {node} {zone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free memory by block size: darker cells hold more of the zone&apos;s free memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free blocks by size (order · block) per zone: blocks · memory they hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unusable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fragm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unusable free index: share of free memory in blocks too small for this order.
Fragmentation index: near 0 = a failure would be for lack of memory, near 1 = for fragmentation;
-1.000 = an allocation of this order would succeed now (mm/vmstat.c).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel&apos;s indices per order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds since the window opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fragmentation index at the huge-page order over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solid: fragmentation index (−1 = a block of this size is free now; above the red line the kernel compacts). Dotted: unusable free index (share of free memory in smaller blocks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compact now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compaction counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrate types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the Compact memory action (compact_memory) and compare before/after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compaction migrates movable pages so that free memory forms large contiguous blocks (what huge pages and some drivers need). The indices and the free blocks are read just before and after it runs and compared here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order (allocation of 2^order pages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the window opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total since boot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/proc/vmstat compaction counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read migrate types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read /proc/pagetypeinfo once (root; expensive for the kernel, so not polled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free blocks split by migrate type, from /proc/pagetypeinfo (root).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read fragmentation: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Huge-page order {huge_order}&lt;/b&gt; ({page} blocks) · the kernel compacts a zone whose fragmentation index exceeds &lt;b&gt;{threshold}&lt;/b&gt; (extfrag_threshold)&lt;br&gt;MemFree &lt;b&gt;{memfree_bytes}&lt;/b&gt; · in the buddy allocator&apos;s free blocks &lt;b&gt;{buddy_free_bytes}&lt;/b&gt; · difference &lt;b&gt;{diff}&lt;/b&gt;: &lt;span style=&apos;color:#555&apos;&gt;{UNHANDED_LABEL}&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>above extfrag_threshold: the kernel would compact this zone for this order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fragmentation at order {huge_order} ({block} blocks) over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compact memory is unavailable: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compaction queued…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compacting… (the kernel migrates movable pages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Compaction failed:&lt;/b&gt; {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: free blocks per order, before (grey) and after (green)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read at {strftime} · pageblock order {pageblock_order} ({pages_per_block} pages); empty free lists are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fragmentation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the newest readings in view (drag or zoom the chart to inspect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live — last {span}. Drag or scroll the chart to inspect; click a legend entry to hide it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspecting — the chart holds still. Press “Follow live” to return to the newest readings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListsView</name>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of RAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repurposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the first reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Physical memory {total}&lt;/b&gt; &amp;nbsp;·&amp;nbsp; available {available_bytes} ({available_bytes2}) &amp;nbsp;·&amp;nbsp; page size {page_size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> &amp;nbsp;·&amp;nbsp; &lt;i&gt;{limited}&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total {total}; available {available_bytes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{page_size:,}-byte pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages taken from this list for other uses (cumulative)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total_bytes}; the lists add up to {listed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value:,} pages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running without administrator rights: Empty actions may fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backend reading memory, and whether RAMLens runs with full rights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh &amp;rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History &amp;span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About RAMLens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move memory between lists (the Empty menu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty — {action}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to {tab}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when RAMLens starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a file ending in .png, .svg or .csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image width in pixels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export the chart to {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not restart as administrator: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About RAMLens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where physical memory is, live: in use, standby, modified, free — as a table and over time — and the Empty actions that move it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend: {backend} on {platform}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programs may slow down for a while as they read their data back from disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t ask again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading memory failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action} — running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action} failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PagesView</name>
    <message>
        <source>&lt;b&gt;The physical-page census is unavailable:&lt;/b&gt; {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take census</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the flags of every page frame and classify each one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Take census to classify every physical page of this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/proc/meminfo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meminfo figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages by class, next to /proc/meminfo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag combinations (as tools/mm/page-types prints them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>physical address (GiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offset in the row (MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll to zoom, drag to pan; hover for the address and class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical memory map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag combinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical Ranges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading page frames…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading page frames… {done:,} of {expected:,}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The census failed:&lt;/b&gt; {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take census again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{frames:,} page frames&lt;/b&gt; ({frames1}) classified in {elapsed:.1f} s at {strftime} · {n_combinations} flag combinations · one map pixel = {frames_per_cell} frames ({cell}), coloured by the class most of them have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical memory map · {row_bytes} per row · {frames_per_cell} per pixel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>physical address 0x{address:011x} ({address1}): mostly {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical pages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhysicalRanges</name>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shown: {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAM in all: {size}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcessesView</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident memory (working set): physical pages the process maps now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages only this process uses (USS when readable, else working set − shared)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working-set pages shared with other processes (files, libraries, shared memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proportional set size: private + each shared page divided by the processes sharing it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, user or PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trim working set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trim the working sets of the selected processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also list processes without memory of their own (kernel threads)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trim working set ({n_pids} selected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ({count} kernel threads hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} · working sets {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · PSS {size} (what the processes really occupy)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SnapshotController</name>
    <message>
        <source>&amp;Save snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open snapshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare snapshots…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot saved to {path}: {n_processes} processes, {value} history readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open snapshot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SnapshotWindow</name>
    <message>
        <source>RAMLens — {name} (snapshot, read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Snapshot {name}&lt;/b&gt; — taken {taken} on &lt;b&gt;{hostname}&lt;/b&gt; ({os}). Read-only: nothing here updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded in the snapshot: {n_times} readings over {minutes:.1f} min. Drag or scroll the chart to inspect; click a legend entry to hide a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, user or PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n_processes} processes at the time of the snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fragmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free blocks per size (order) in each zone, from /proc/buddyinfo, and the kernel&apos;s indices for a {huge_size} (huge-page) allocation: unusable free index 0–1; fragmentation index near 1 = failing for fragmentation, −1 = it would succeed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Census: {key}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with snapshot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Hide RAMLens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-clean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close to tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop has no system tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show RAMLens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-clean: {text}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UseCountsTable</name>
    <message>
        <source>Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Combine memory pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge identical physical pages into one shared copy (Windows 10 and later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty compression store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trim the memory compression store&apos;s working set, as System Informer does (Windows 10 and later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty system file cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trim the system working set that holds the file cache; its pages go to standby.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty registry cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flush registry hives from memory (Windows 8.1 and later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty working sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trim every process&apos;s working set: pages move to the standby and modified lists (Linux: process_madvise(MADV_PAGEOUT) over every process).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flush modified list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write dirty pages back to disk; they become clean standby pages (Linux: sync).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flush modified file cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flush the write cache of every volume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purge standby list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the clean file cache; its pages become free (Linux: drop_caches=1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purge priority-0 standby list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop only the lowest-priority standby pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purge kernel caches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop reclaimable kernel slab caches: dentries and inodes (drop_caches=2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compact memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move movable pages together so free memory forms large contiguous blocks (compact_memory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs every available Empty action in order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs through the privileged helper; you will be asked for a password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>autoclean</name>
    <message>
        <source>Purging the standby list or flushing the modified list throws away cached files: programs then read them from disk again, which shows as stutter and slow starts. Enable these only if you know you need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not running: no rule is switched on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>backend</name>
    <message>
        <source>Not running as root: the root-only Empty actions ask for an administrator&apos;s password through pkexec; the physical-page census and /proc/pagetypeinfo need root (start RAMLens with sudo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running as root: reading works, but every Empty action except Flush modified list needs root (start RAMLens with sudo, or install the pkexec helper: see README); the physical-page census and /proc/pagetypeinfo need root (start RAMLens with sudo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running as administrator: the lists come from performance counters (less detail) and the Empty actions are unavailable. Restart as administrator to use them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>RAMLens memory history</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lists</name>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified no-write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zeroed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>RAMLens cannot read memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAMLens cannot start: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pagecensus</name>
    <message>
        <source>Reserved / hole / no flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unevictable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shmem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapped file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other kernel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>usecounts</name>
    <message>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File (page cache)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shmem / tmpfs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huge pages (hugetlb)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved / no flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
