<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>Errors</name>
    <message>
        <source>%1

Details were written to:
%2</source>
        <translation>%1

詳細は次のファイルに記録しました:
%2</translation>
    </message>
    <message>
        <source>Something went wrong (%1); it was logged and the viewer carries on.</source>
        <translation>エラーが発生しました(%1)。記録済みで、表示は続行します。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Map: %1 — %2. Positions marked ≈ are approximate.</source>
        <translation>地図：%1 — %2。≈ の付いた位置はおおよそのものです。</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>play / pause</source>
        <translation>再生 / 一時停止</translation>
    </message>
    <message>
        <source>next event (what a presentation clicker sends)</source>
        <translation>次の出来事(プレゼン用リモコンの送るキー)</translation>
    </message>
    <message>
        <source>previous event</source>
        <translation>前の出来事</translation>
    </message>
    <message>
        <source>next chapter</source>
        <translation>次の章</translation>
    </message>
    <message>
        <source>previous chapter</source>
        <translation>前の章</translation>
    </message>
    <message>
        <source>start of the timeline</source>
        <translation>年表の最初</translation>
    </message>
    <message>
        <source>end of the timeline</source>
        <translation>年表の最後</translation>
    </message>
    <message>
        <source>zoom the map in (also the mouse wheel or a pinch)</source>
        <translation>地図を拡大(マウスホイールやピンチでも可)</translation>
    </message>
    <message>
        <source>zoom the map out</source>
        <translation>地図を縮小</translation>
    </message>
    <message>
        <source>follow the story: each event brings the map to where it happens</source>
        <translation>物語に従う：出来事ごとに地図がその場所へ移動します</translation>
    </message>
    <message>
        <source>pan the map west (also drag it)</source>
        <translation>地図を西へ移動(ドラッグでも可)</translation>
    </message>
    <message>
        <source>pan the map east</source>
        <translation>地図を東へ移動</translation>
    </message>
    <message>
        <source>pan the map north</source>
        <translation>地図を北へ移動</translation>
    </message>
    <message>
        <source>pan the map south</source>
        <translation>地図を南へ移動</translation>
    </message>
    <message>
        <source>black screen on / off</source>
        <translation>黒画面のオン / オフ</translation>
    </message>
    <message>
        <source>white screen on / off</source>
        <translation>白画面のオン / オフ</translation>
    </message>
    <message>
        <source>caption on the map shown / hidden</source>
        <translation>地図上の説明文の表示 / 非表示</translation>
    </message>
    <message>
        <source>type a step number</source>
        <translation>ステップ番号を入力</translation>
    </message>
    <message>
        <source>after a step number (0–9): go to that step</source>
        <translation>ステップ番号(0–9)の後に: そのステップへ移動</translation>
    </message>
    <message>
        <source>choose, order and save the steps of the talk</source>
        <translation>発表のステップを選び、並べ替えて保存</translation>
    </message>
    <message>
        <source>pen on / off (off: dragging pans the map)</source>
        <translation>ペンのオン / オフ(オフ: ドラッグで地図を移動)</translation>
    </message>
    <message>
        <source>next pen colour (red, blue, black)</source>
        <translation>ペンの次の色(赤、青、黒)</translation>
    </message>
    <message>
        <source>eraser on / off (a drag wipes the lines it touches)</source>
        <translation>消しゴムのオン / オフ(ドラッグで触れた線を消す)</translation>
    </message>
    <message>
        <source>undo the last pen line or wipe</source>
        <translation>最後の線または消去を取り消す</translation>
    </message>
    <message>
        <source>keep the drawing at the next step</source>
        <translation>次のステップでも書き込みを残す</translation>
    </message>
    <message>
        <source>wipe the pen drawing</source>
        <translation>ペンの書き込みを消す</translation>
    </message>
    <message>
        <source>pause / resume the talk&apos;s timer</source>
        <translation>発表タイマーの一時停止 / 再開</translation>
    </message>
    <message>
        <source>reset the talk&apos;s timer</source>
        <translation>発表タイマーをリセット</translation>
    </message>
    <message>
        <source>leave presenter mode (press twice)</source>
        <translation>発表者モードを終了(2回押す)</translation>
    </message>
    <message>
        <source>staff exit</source>
        <translation>スタッフ用の終了</translation>
    </message>
    <message>
        <source>fit the battlefield</source>
        <translation>戦場全体を表示</translation>
    </message>
    <message>
        <source>this sheet</source>
        <translation>この一覧</translation>
    </message>
    <message>
        <source>Shorelines, rivers and borders</source>
        <translation>海岸線・河川・国境</translation>
    </message>
    <message>
        <source>Regional inset</source>
        <translation>広域図</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>ソフトウェア</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>フォント</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボード操作</translation>
    </message>
    <message>
        <source>Version %1.</source>
        <translation>バージョン %1。</translation>
    </message>
    <message>
        <source>A map-and-timeline viewer of the 1939 battles of Khalkhin Gol, known in Japan as the Nomonhan Incident.</source>
        <translation>1939年のハルハ河の戦い(日本ではノモンハン事件として知られる)を地図と年表で見るアプリです。</translation>
    </message>
    <message>
        <source>Positions marked ≈ are inferred from narratives and drawn with their uncertainty; disputed dates and one side&apos;s figures are flagged in the notes.</source>
        <translation>≈ の付いた位置は記述から推定したもので、誤差の範囲とともに描いています。異説のある日付や一方の側だけの数字は注記で示しています。</translation>
    </message>
    <message>
        <source>The Russian, Mongolian and Japanese texts are translations of the English notes awaiting review by native-speaking historians; where they differ, the English text is the reference.</source>
        <translation>ロシア語・モンゴル語・日本語の文章は英語の注記の翻訳で、各言語を母語とする歴史家の校閲を待っています。食い違う場合は英語の文章が基準です。</translation>
    </message>
    <message>
        <source>Data and licences</source>
        <translation>データとライセンス</translation>
    </message>
    <message>
        <source>This viewer</source>
        <translation>このアプリ</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>MIT licence; the content (events.yaml) cites its sources below.</source>
        <translation>MIT ライセンス。内容(events.yaml)の出典は下記のとおりです。</translation>
    </message>
    <message>
        <source>Grades: A scholarly or primary, B encyclopedia, C popular web, D forum or blog (never the only support).</source>
        <translation>等級: A 学術・一次資料、B 百科事典、C 一般向けウェブ、D 掲示板・ブログ(単独の根拠にはしない)。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>Inset</name>
    <message>
        <source>MONGOLIA</source>
        <translation>モンゴル</translation>
    </message>
    <message>
        <source>USSR</source>
        <translation>ソ連</translation>
    </message>
    <message>
        <source>MANCHUKUO</source>
        <translation>満洲国</translation>
    </message>
    <message>
        <source>Hailar</source>
        <translation>ハイラル</translation>
    </message>
    <message>
        <source>Chita</source>
        <translation>チタ</translation>
    </message>
    <message>
        <source>Ulaanbaatar</source>
        <translation>ウランバートル</translation>
    </message>
    <message>
        <source>modern borders, 1939 names; red box: map area</source>
        <translation>現在の国境・1939年の国名。赤枠は地図の範囲</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Touch to explore</source>
        <translation>タッチして探索</translation>
    </message>
    <message>
        <source>Guided tour: step %1 of %2</source>
        <translation>ガイドツアー：%1 / %2</translation>
    </message>
    <message>
        <source>… %1 more in the log</source>
        <translation>… 残り %1 件はログに</translation>
    </message>
    <message>
        <source>kiosk.ini: %1 problem(s); the defaults are used for these:</source>
        <translation>kiosk.ini: 問題 %1 件。これらには既定値を使います:</translation>
    </message>
</context>
<context>
    <name>Map</name>
    <message>
        <source>Border claimed by Manchukuo and Japan: the river</source>
        <translation>満洲国・日本の主張した国境: 川</translation>
    </message>
    <message>
        <source>Border claimed by Mongolia and the USSR</source>
        <translation>モンゴル・ソ連の主張した国境</translation>
    </message>
    <message>
        <source>Disputed ground ≈ %1 km²</source>
        <translation>係争地 ≈ %1 km²</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>N</source>
        <comment>north arrow</comment>
        <translation>北</translation>
    </message>
    <message>
        <source>Mongolian/Soviet claim</source>
        <translation>モンゴル・ソ連側の主張</translation>
    </message>
    <message>
        <source>Manchukuo/Japanese claim (river)</source>
        <translation>満洲国・日本側の主張(川)</translation>
    </message>
    <message>
        <source>River, course approximate</source>
        <translation>川（流路は推定）</translation>
    </message>
    <message>
        <source>Lake</source>
        <translation>湖</translation>
    </message>
    <message>
        <source>Modern border</source>
        <translation>現在の国境</translation>
    </message>
    <message>
        <source>River</source>
        <translation>川</translation>
    </message>
    <message>
        <source>Disputed ground</source>
        <translation>係争地</translation>
    </message>
    <message>
        <source>unit positions approximate, within about {km} km unless marked ≈</source>
        <translation>部隊の位置は概略：≈ のないものは誤差およそ {km} km 以内</translation>
    </message>
    <message>
        <source>±{km} km</source>
        <translation>±{km} km</translation>
    </message>
    <message>
        <source>where the unit selected may have been (approximate position)</source>
        <translation>選択中の部隊がいた可能性のある範囲（おおよその位置）</translation>
    </message>
    <message>
        <source>Japanese-held, encircled</source>
        <translation>日本軍確保地域・包囲下</translation>
    </message>
    <message>
        <source>Ground held by Japanese forces, encircled (approximate)</source>
        <translation>日本軍の確保地域・包囲下（概略）</translation>
    </message>
    <message>
        <source>Ground held by Soviet and Mongolian forces (approximate)</source>
        <translation>ソ連・モンゴル軍の確保地域（概略）</translation>
    </message>
    <message>
        <source>Ground held by Japanese forces (approximate)</source>
        <translation>日本軍の確保地域（概略）</translation>
    </message>
    <message>
        <source>Attack: axis of advance (broad arrow)</source>
        <translation>攻撃：進撃方向（太い矢印）</translation>
    </message>
    <message>
        <source>Counter-attack</source>
        <translation>反撃</translation>
    </message>
    <message>
        <source>River crossing</source>
        <translation>渡河</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>撤退</translation>
    </message>
    <message>
        <source>Breakout from encirclement</source>
        <translation>包囲からの脱出</translation>
    </message>
    <message>
        <source>Where a move under way was going</source>
        <translation>進行中の移動の目標</translation>
    </message>
    <message>
        <source>Faded arrow: a move that ended in the last two days</source>
        <translation>薄い矢印：過去2日以内に終わった移動</translation>
    </message>
    <message>
        <source>the place the note points at</source>
        <translation>解説が示す場所</translation>
    </message>
    <message>
        <source>%1, modern</source>
        <translation>%1・現代</translation>
    </message>
    <message>
        <source>height</source>
        <translation>高地</translation>
    </message>
    <message>
        <source>bridge or crossing</source>
        <translation>橋・渡河点</translation>
    </message>
    <message>
        <source>command post or base</source>
        <translation>司令部・拠点</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>modern village (grey)</source>
        <translation>現代の集落（灰色）</translation>
    </message>
    <message>
        <source>Unit attacking (thin arrow)</source>
        <translation>部隊の攻撃（細い矢印）</translation>
    </message>
    <message>
        <source>Unit withdrawing (thin dashed arrow)</source>
        <translation>部隊の後退（細い破線の矢印）</translation>
    </message>
    <message>
        <source>destroyed (crossed out)</source>
        <translation>壊滅（×印）</translation>
    </message>
    <message>
        <source>withdrawn from the fighting (faded, turning arrow)</source>
        <translation>戦闘から撤収（薄色・反転矢印）</translation>
    </message>
    <message>
        <source>last reported position (fate not recorded)</source>
        <translation>最後に報告された位置（その後の結果は記録なし）</translation>
    </message>
    <message>
        <source>† after a commander&apos;s name: killed this day</source>
        <translation>指揮官名の後の †：この日に戦死</translation>
    </message>
    <message>
        <source>moved aside; dot: true place</source>
        <translation>記号をずらして表示・点が実際の位置</translation>
    </message>
    <message>
        <source>the unit selected</source>
        <translation>選択中の部隊</translation>
    </message>
    <message>
        <source>≈ position less certain: may be more than {km} km off</source>
        <translation>≈ 位置はより不確か：誤差が {km} km を超える可能性</translation>
    </message>
    <message>
        <source>Route of the last three days (chevrons point the way it went)</source>
        <translation>過去3日の移動経路（山形の印が進んだ向き）</translation>
    </message>
</context>
<context>
    <name>Naming</name>
    <message>
        <source>Soviet/Mongolian names</source>
        <translation>ソ連・モンゴル側の呼び名</translation>
    </message>
    <message>
        <source>Japanese names</source>
        <translation>日本側の呼び名</translation>
    </message>
    <message>
        <source>Khalkhin Gol</source>
        <translation>ハルハ河</translation>
    </message>
    <message>
        <source>Nomonhan</source>
        <translation>ノモンハン</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>Disputed</source>
        <translation>異説あり</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>不確か</translation>
    </message>
    <message>
        <source>One side&apos;s claim</source>
        <translation>一方の側の主張</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>現在:</translation>
    </message>
    <message>
        <source>≈ approximate: within about %1 km (inferred from a narrative)</source>
        <translation>≈ おおよその位置: 約 %1 km 以内(記述からの推定)</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>部隊:</translation>
    </message>
    <message>
        <source>Commander (rank in 1939):</source>
        <translation>指揮官(1939年の階級):</translation>
    </message>
    <message>
        <source>Commander:</source>
        <translation>指揮官:</translation>
    </message>
    <message>
        <source>not confirmed in our sources</source>
        <translation>当方の出典では未確認</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>兵力:</translation>
    </message>
    <message>
        <source>as published</source>
        <translation>公表どおり</translation>
    </message>
    <message>
        <source>shown at its last dated position (%1)</source>
        <translation>日付の分かる最後の位置に表示(%1)</translation>
    </message>
    <message>
        <source>at a dated position</source>
        <translation>日付の分かる位置</translation>
    </message>
    <message>
        <source>between dated positions (last: %1); shown interpolated</source>
        <translation>日付の分かる位置の間(直前: %1)。補間して表示</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>位置:</translation>
    </message>
    <message>
        <source>Sources of this position</source>
        <translation>この位置の出典</translation>
    </message>
    <message>
        <source>not on the map at this instant (no dated position).</source>
        <translation>この時点では地図上にありません(日付の分かる位置なし)。</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <source>Presenter view</source>
        <translation>発表者ビュー</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>ステップ %1 / %2</translation>
    </message>
    <message>
        <source>Before the first step (%1 steps)</source>
        <translation>最初のステップの前(全 %1 ステップ)</translation>
    </message>
    <message>
        <source>Now: %1 — %2</source>
        <translation>現在: %1 — %2</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>次: %1</translation>
    </message>
    <message>
        <source>Next: (end)</source>
        <translation>次: (終わり)</translation>
    </message>
    <message>
        <source>Speaker notes</source>
        <translation>発表者メモ</translation>
    </message>
    <message>
        <source>(no speaker notes for this step)</source>
        <translation>(このステップのメモはありません)</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Go to step %1</source>
        <translation>ステップ %1 へ</translation>
    </message>
    <message>
        <source>%1   ·   elapsed %2</source>
        <translation>%1   ·   経過 %2</translation>
    </message>
    <message>
        <source>(paused)</source>
        <translation>(一時停止中)</translation>
    </message>
    <message>
        <source>Go to step %1 (Enter)</source>
        <translation>ステップ %1 へ (Enter)</translation>
    </message>
    <message>
        <source>There is no step %1 (1–%2)</source>
        <translation>ステップ %1 はありません(1–%2)</translation>
    </message>
    <message>
        <source>Press Escape again to end the talk</source>
        <translation>発表を終了するにはもう一度 Escape を押してください</translation>
    </message>
</context>
<context>
    <name>Sides</name>
    <message>
        <source>Soviet</source>
        <translation>ソ連</translation>
    </message>
    <message>
        <source>Mongolian</source>
        <translation>モンゴル</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本</translation>
    </message>
    <message>
        <source>Manchukuo</source>
        <translation>満洲国</translation>
    </message>
</context>
<context>
    <name>Talk</name>
    <message>
        <source>Steps of the talk</source>
        <translation>発表のステップ</translation>
    </message>
    <message>
        <source>Include the background chapter (1931–1939)</source>
        <translation>背景の章を含める(1931–1939)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Default talk</source>
        <translation>既定の発表</translation>
    </message>
    <message>
        <source>Tick the events to show; drag them into the order of the talk.</source>
        <translation>表示する出来事にチェックを入れ、発表の順にドラッグで並べてください。</translation>
    </message>
    <message>
        <source>Tick at least one event.</source>
        <translation>少なくとも1つの出来事にチェックを入れてください。</translation>
    </message>
    <message>
        <source>The talk could not be saved: %1</source>
        <translation>発表を保存できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>infantry</source>
        <translation>歩兵</translation>
    </message>
    <message>
        <source>armour</source>
        <translation>機甲</translation>
    </message>
    <message>
        <source>cavalry</source>
        <translation>騎兵</translation>
    </message>
    <message>
        <source>motorised infantry</source>
        <translation>自動車化歩兵</translation>
    </message>
    <message>
        <source>artillery</source>
        <translation>砲兵</translation>
    </message>
    <message>
        <source>headquarters</source>
        <translation>司令部</translation>
    </message>
    <message>
        <source>airborne</source>
        <translation>空挺</translation>
    </message>
    <message>
        <source>air force</source>
        <translation>航空</translation>
    </message>
    <message>
        <source>army group</source>
        <translation>軍集団</translation>
    </message>
    <message>
        <source>army</source>
        <translation>軍</translation>
    </message>
    <message>
        <source>corps</source>
        <translation>軍団</translation>
    </message>
    <message>
        <source>division</source>
        <translation>師団</translation>
    </message>
    <message>
        <source>brigade</source>
        <translation>旅団</translation>
    </message>
    <message>
        <source>regiment</source>
        <translation>連隊</translation>
    </message>
    <message>
        <source>battalion</source>
        <translation>大隊</translation>
    </message>
    <message>
        <source>detachment</source>
        <translation>支隊</translation>
    </message>
    <message>
        <source>moving</source>
        <translation>移動中</translation>
    </message>
    <message>
        <source>holding</source>
        <translation>陣地保持</translation>
    </message>
    <message>
        <source>attacking</source>
        <translation>攻撃中</translation>
    </message>
    <message>
        <source>retreating</source>
        <translation>退却中</translation>
    </message>
    <message>
        <source>destroyed</source>
        <translation>壊滅</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>撤収</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Who fought</source>
        <translation>誰が戦ったか</translation>
    </message>
    <message>
        <source>From May to September 1939 the Soviet Red Army and the army of the Mongolian People&apos;s Republic fought Japan&apos;s Kwantung Army and troops of Manchukuo, the state Japan had set up in Manchuria.</source>
        <translation>1939年5月から9月にかけて、ソ連赤軍とモンゴル人民共和国軍が、日本の関東軍および日本が満洲に建てた満洲国の軍と戦いました。</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>どこで</translation>
    </message>
    <message>
        <source>On the steppe along the Khalkhin Gol river, in what is eastern Mongolia today. Mongolia put the border about 16 km east of the river, through Nomonhan; Manchukuo and Japan put it on the river. The map shows that disputed ground in yellow.</source>
        <translation>ハルハ河沿いの草原、現在のモンゴル東部です。モンゴルは国境を河の東約16 km、ノモンハンを通る線とし、満洲国と日本は河そのものを国境としました。地図ではこの係争地を黄色で示しています。</translation>
    </message>
    <message>
        <source>Why it mattered</source>
        <translation>なぜ重要か</translation>
    </message>
    <message>
        <source>In late August a Soviet–Mongolian offensive under Komkor Georgy Zhukov encircled the Japanese 23rd Division and wrecked it. A ceasefire agreed in Moscow took effect on 16 September 1939, two weeks after the Second World War began in Europe, and left the line where the Soviet and Mongolian troops stood.</source>
        <translation>8月下旬、コムコール（軍団長）ゲオルギー・ジューコフが率いるソ連・モンゴル軍の攻勢が日本の第23師団を包囲し、壊滅させました。モスクワで合意された停戦は、ヨーロッパで第二次世界大戦が始まった2週間後の1939年9月16日に発効し、境界線はソ連・モンゴル軍のいた位置に残りました。</translation>
    </message>
    <message>
        <source>How to use this map</source>
        <translation>地図の使い方</translation>
    </message>
    <message>
        <source>Press Space to play, or → and ← to step from event to event; drag the timeline to go anywhere. Click a unit or a place to read about it. The map follows each event: drag or zoom to look around, and press F (Follow the story) to let it lead again. The legend explains every mark.</source>
        <translation>スペースキーで再生、→と←で出来事を順に移動します。タイムラインをドラッグすれば任意の日時へ移動できます。部隊や地点をクリックすると説明が読めます。地図は出来事ごとに移動します。ドラッグやズームで自由に見回し、F（物語に従う）を押すと再び案内が始まります。凡例はすべての記号を説明しています。</translation>
    </message>
    <message>
        <source>Take the tour</source>
        <translation>ツアーを見る</translation>
    </message>
    <message>
        <source>Explore on my own</source>
        <translation>自分で探索する</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Disputed ground</source>
        <translation>係争地</translation>
    </message>
    <message>
        <source>Border claims</source>
        <translation>双方の主張する国境</translation>
    </message>
    <message>
        <source>Modern border</source>
        <translation>現在の国境</translation>
    </message>
    <message>
        <source>Fronts and ground held</source>
        <translation>前線と確保地域</translation>
    </message>
    <message>
        <source>Manoeuvres (arrows)</source>
        <translation>作戦行動（矢印）</translation>
    </message>
    <message>
        <source>Uncertainty of positions</source>
        <translation>位置の誤差</translation>
    </message>
    <message>
        <source>Trails</source>
        <translation>移動の軌跡</translation>
    </message>
    <message>
        <source>Regional inset</source>
        <translation>広域図</translation>
    </message>
    <message>
        <source>Introduction and guided tour</source>
        <translation>はじめに・ガイドツアー</translation>
    </message>
    <message>
        <source>1 hour/s</source>
        <translation>1時間/秒</translation>
    </message>
    <message>
        <source>6 hours/s</source>
        <translation>6時間/秒</translation>
    </message>
    <message>
        <source>1 day/s</source>
        <translation>1日/秒</translation>
    </message>
    <message>
        <source>1 week/s</source>
        <translation>1週間/秒</translation>
    </message>
    <message>
        <source>Picture (PNG, 3840×2160)…</source>
        <translation>画像(PNG、3840×2160)…</translation>
    </message>
    <message>
        <source>Vector picture (SVG)…</source>
        <translation>ベクター画像(SVG)…</translation>
    </message>
    <message>
        <source>Handout (PDF, A4)…</source>
        <translation>配布資料(PDF、A4)…</translation>
    </message>
    <message>
        <source>Slides (PowerPoint, one per step)…</source>
        <translation>スライド（PowerPoint、1ステップ1枚）…</translation>
    </message>
    <message>
        <source>Video of the next 10 days (MP4)…</source>
        <translation>この先10日間の動画(MP4)…</translation>
    </message>
    <message>
        <source>Animated GIF of the next 3 days…</source>
        <translation>この先3日間のアニメーションGIF…</translation>
    </message>
    <message>
        <source>Layers, export, keyboard shortcuts, about</source>
        <translation>レイヤー、書き出し、キー操作、情報</translation>
    </message>
    <message>
        <source>Widen the timeline to the background and aftermath</source>
        <translation>年表を前史と戦後まで広げる</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体</translation>
    </message>
    <message>
        <source>Follow the story</source>
        <translation>物語に従う</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>メニュー</translation>
    </message>
    <message>
        <source>A name changes only where a source gives the other side&apos;s form.</source>
        <translation>相手側の呼び名を出典が示す場合にだけ名前が変わります。</translation>
    </message>
    <message>
        <source>Chapters…</source>
        <translation>章…</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>レイヤー</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>About, sources and licences</source>
        <translation>情報・出典・ライセンス</translation>
    </message>
    <message>
        <source>Press Space to play, or → to step to the first event.</source>
        <translation>スペースで再生、→ で最初の出来事へ進みます。</translation>
    </message>
    <message>
        <source>An export is still running; wait for it or cancel it first.</source>
        <translation>書き出しがまだ実行中です。終わるまで待つか、先に中止してください。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>書き出し中…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>書き出しを中止しました。何も保存していません。</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>保存しました: %1</translation>
    </message>
    <message>
        <source>Export failed; nothing was written: %1</source>
        <translation>書き出しに失敗しました。何も保存していません：%1</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボード操作</translation>
    </message>
    <message>
        <source>About</source>
        <translation>このアプリについて</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>凡例</translation>
    </message>
    <message>
        <source>The tour steps through the story on its own; press any key or click to stop it.</source>
        <translation>ツアーは物語を自動で進みます。止めるには任意のキーを押すかクリックしてください。</translation>
    </message>
</context>
</TS>
