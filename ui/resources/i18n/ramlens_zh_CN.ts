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
</TS>
