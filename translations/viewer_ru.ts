<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>Errors</name>
    <message>
        <source>%1

Details were written to:
%2</source>
        <translation>%1

Подробности записаны в файл:
%2</translation>
    </message>
    <message>
        <source>Something went wrong (%1); it was logged and the viewer carries on.</source>
        <translation>Произошла ошибка (%1); она записана в журнал, программа продолжает работу.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Map: %1 — %2. Positions marked ≈ are approximate.</source>
        <translation>Карта: %1 — %2. Позиции, отмеченные ≈, приблизительные.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>play / pause</source>
        <translation>воспроизведение / пауза</translation>
    </message>
    <message>
        <source>next event (what a presentation clicker sends)</source>
        <translation>следующее событие (так работает пульт для презентаций)</translation>
    </message>
    <message>
        <source>previous event</source>
        <translation>предыдущее событие</translation>
    </message>
    <message>
        <source>next chapter</source>
        <translation>следующая глава</translation>
    </message>
    <message>
        <source>previous chapter</source>
        <translation>предыдущая глава</translation>
    </message>
    <message>
        <source>start of the timeline</source>
        <translation>начало шкалы времени</translation>
    </message>
    <message>
        <source>end of the timeline</source>
        <translation>конец шкалы времени</translation>
    </message>
    <message>
        <source>zoom the map in (also the mouse wheel or a pinch)</source>
        <translation>приблизить карту (также колесом мыши или щипком)</translation>
    </message>
    <message>
        <source>zoom the map out</source>
        <translation>отдалить карту</translation>
    </message>
    <message>
        <source>follow the story: each event brings the map to where it happens</source>
        <translation>следовать за рассказом: каждое событие переносит карту туда, где оно происходит</translation>
    </message>
    <message>
        <source>pan the map west (also drag it)</source>
        <translation>сдвинуть карту на запад (или перетащить её)</translation>
    </message>
    <message>
        <source>pan the map east</source>
        <translation>сдвинуть карту на восток</translation>
    </message>
    <message>
        <source>pan the map north</source>
        <translation>сдвинуть карту на север</translation>
    </message>
    <message>
        <source>pan the map south</source>
        <translation>сдвинуть карту на юг</translation>
    </message>
    <message>
        <source>black screen on / off</source>
        <translation>чёрный экран вкл. / выкл.</translation>
    </message>
    <message>
        <source>white screen on / off</source>
        <translation>белый экран вкл. / выкл.</translation>
    </message>
    <message>
        <source>caption on the map shown / hidden</source>
        <translation>подпись на карте: показать / скрыть</translation>
    </message>
    <message>
        <source>type a step number</source>
        <translation>набрать номер шага</translation>
    </message>
    <message>
        <source>after a step number (0–9): go to that step</source>
        <translation>после номера шага (0–9): перейти к этому шагу</translation>
    </message>
    <message>
        <source>choose, order and save the steps of the talk</source>
        <translation>выбрать, упорядочить и сохранить шаги доклада</translation>
    </message>
    <message>
        <source>pen on / off (off: dragging pans the map)</source>
        <translation>перо вкл. / выкл. (выкл.: перетаскивание сдвигает карту)</translation>
    </message>
    <message>
        <source>next pen colour (red, blue, black)</source>
        <translation>следующий цвет пера (красный, синий, чёрный)</translation>
    </message>
    <message>
        <source>eraser on / off (a drag wipes the lines it touches)</source>
        <translation>ластик вкл. / выкл. (перетаскивание стирает задетые линии)</translation>
    </message>
    <message>
        <source>undo the last pen line or wipe</source>
        <translation>отменить последнюю линию или стирание</translation>
    </message>
    <message>
        <source>keep the drawing at the next step</source>
        <translation>сохранить рисунок на следующем шаге</translation>
    </message>
    <message>
        <source>wipe the pen drawing</source>
        <translation>стереть рисунок пером</translation>
    </message>
    <message>
        <source>pause / resume the talk&apos;s timer</source>
        <translation>пауза / продолжение таймера доклада</translation>
    </message>
    <message>
        <source>reset the talk&apos;s timer</source>
        <translation>сбросить таймер доклада</translation>
    </message>
    <message>
        <source>leave presenter mode (press twice)</source>
        <translation>выйти из режима докладчика (нажать дважды)</translation>
    </message>
    <message>
        <source>staff exit</source>
        <translation>выход для персонала</translation>
    </message>
    <message>
        <source>fit the battlefield</source>
        <translation>показать всё поле боя</translation>
    </message>
    <message>
        <source>this sheet</source>
        <translation>эта справка</translation>
    </message>
    <message>
        <source>Shorelines, rivers and borders</source>
        <translation>Берега, реки и границы</translation>
    </message>
    <message>
        <source>Regional inset</source>
        <translation>Обзорная карта региона</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Программы</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>Шрифты</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>Version %1.</source>
        <translation>Версия %1.</translation>
    </message>
    <message>
        <source>A map-and-timeline viewer of the 1939 battles of Khalkhin Gol, known in Japan as the Nomonhan Incident.</source>
        <translation>Карта и хронология боёв на Халхин-Голе 1939 года, известных в Японии как Номонханский инцидент.</translation>
    </message>
    <message>
        <source>Positions marked ≈ are inferred from narratives and drawn with their uncertainty; disputed dates and one side&apos;s figures are flagged in the notes.</source>
        <translation>Позиции со знаком ≈ восстановлены по описаниям и показаны с их погрешностью; спорные даты и данные одной стороны отмечены в заметках.</translation>
    </message>
    <message>
        <source>The Russian, Mongolian and Japanese texts are translations of the English notes awaiting review by native-speaking historians; where they differ, the English text is the reference.</source>
        <translation>Русский, монгольский и японский тексты — переводы английских заметок, ожидающие проверки историками-носителями языка; при расхождении основным считается английский текст.</translation>
    </message>
    <message>
        <source>Data and licences</source>
        <translation>Данные и лицензии</translation>
    </message>
    <message>
        <source>This viewer</source>
        <translation>Эта программа</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>MIT licence; the content (events.yaml) cites its sources below.</source>
        <translation>Лицензия MIT; источники содержания (events.yaml) перечислены ниже.</translation>
    </message>
    <message>
        <source>Grades: A scholarly or primary, B encyclopedia, C popular web, D forum or blog (never the only support).</source>
        <translation>Категории: A — научный или первичный источник, B — энциклопедия, C — популярный сайт, D — форум или блог (никогда не единственное подтверждение).</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>Inset</name>
    <message>
        <source>MONGOLIA</source>
        <translation>МОНГОЛИЯ</translation>
    </message>
    <message>
        <source>USSR</source>
        <translation>СССР</translation>
    </message>
    <message>
        <source>MANCHUKUO</source>
        <translation>МАНЬЧЖОУ-ГО</translation>
    </message>
    <message>
        <source>Hailar</source>
        <translation>Хайлар</translation>
    </message>
    <message>
        <source>Chita</source>
        <translation>Чита</translation>
    </message>
    <message>
        <source>Ulaanbaatar</source>
        <translation>Улан-Батор</translation>
    </message>
    <message>
        <source>modern borders, 1939 names; red box: map area</source>
        <translation>совр. границы, названия 1939 г.; красная рамка — карта</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Touch to explore</source>
        <translation>Коснитесь, чтобы исследовать</translation>
    </message>
    <message>
        <source>Guided tour: step %1 of %2</source>
        <translation>Экскурсия: шаг %1 из %2</translation>
    </message>
    <message>
        <source>… %1 more in the log</source>
        <translation>… ещё %1 в журнале</translation>
    </message>
    <message>
        <source>kiosk.ini: %1 problem(s); the defaults are used for these:</source>
        <translation>kiosk.ini: проблем: %1; для них взяты значения по умолчанию:</translation>
    </message>
</context>
<context>
    <name>Map</name>
    <message>
        <source>Border claimed by Manchukuo and Japan: the river</source>
        <translation>Граница по версии Маньчжоу-Го и Японии: река</translation>
    </message>
    <message>
        <source>Border claimed by Mongolia and the USSR</source>
        <translation>Граница по версии Монголии и СССР</translation>
    </message>
    <message>
        <source>Disputed ground ≈ %1 km²</source>
        <translation>Спорная территория ≈ %1 км²</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 км</translation>
    </message>
    <message>
        <source>N</source>
        <comment>north arrow</comment>
        <translation>С</translation>
    </message>
    <message>
        <source>Mongolian/Soviet claim</source>
        <translation>Граница по версии МНР/СССР</translation>
    </message>
    <message>
        <source>Manchukuo/Japanese claim (river)</source>
        <translation>Граница по версии Маньчжоу-Го/Японии (река)</translation>
    </message>
    <message>
        <source>River, course approximate</source>
        <translation>Река, русло приблизительно</translation>
    </message>
    <message>
        <source>Lake</source>
        <translation>Озеро</translation>
    </message>
    <message>
        <source>Modern border</source>
        <translation>Современная граница</translation>
    </message>
    <message>
        <source>River</source>
        <translation>Река</translation>
    </message>
    <message>
        <source>Disputed ground</source>
        <translation>Спорная территория</translation>
    </message>
    <message>
        <source>unit positions approximate, within about {km} km unless marked ≈</source>
        <translation>позиции частей приблизительны: в пределах примерно {km} км, если не отмечены ≈</translation>
    </message>
    <message>
        <source>±{km} km</source>
        <translation>±{km} км</translation>
    </message>
    <message>
        <source>where the unit selected may have been (approximate position)</source>
        <translation>где могла находиться выбранная часть (приблизительная позиция)</translation>
    </message>
    <message>
        <source>Japanese-held, encircled</source>
        <translation>Японские позиции в окружении</translation>
    </message>
    <message>
        <source>Ground held by Japanese forces, encircled (approximate)</source>
        <translation>Территория, удерживаемая японскими войсками, в окружении (приблизительно)</translation>
    </message>
    <message>
        <source>Ground held by Soviet and Mongolian forces (approximate)</source>
        <translation>Территория, удерживаемая советскими и монгольскими войсками (приблизительно)</translation>
    </message>
    <message>
        <source>Ground held by Japanese forces (approximate)</source>
        <translation>Территория, удерживаемая японскими войсками (приблизительно)</translation>
    </message>
    <message>
        <source>Attack: axis of advance (broad arrow)</source>
        <translation>Наступление: направление удара (широкая стрелка)</translation>
    </message>
    <message>
        <source>Counter-attack</source>
        <translation>Контрудар</translation>
    </message>
    <message>
        <source>River crossing</source>
        <translation>Переправа</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>Отход</translation>
    </message>
    <message>
        <source>Breakout from encirclement</source>
        <translation>Прорыв из окружения</translation>
    </message>
    <message>
        <source>Where a move under way was going</source>
        <translation>Куда шло начатое движение</translation>
    </message>
    <message>
        <source>Faded arrow: a move that ended in the last two days</source>
        <translation>Бледная стрелка: движение, закончившееся за последние два дня</translation>
    </message>
    <message>
        <source>the place the note points at</source>
        <translation>место, о котором говорится в тексте</translation>
    </message>
    <message>
        <source>%1, modern</source>
        <translation>%1, совр.</translation>
    </message>
    <message>
        <source>height</source>
        <translation>высота</translation>
    </message>
    <message>
        <source>bridge or crossing</source>
        <translation>мост или переправа</translation>
    </message>
    <message>
        <source>command post or base</source>
        <translation>командный пункт или база</translation>
    </message>
    <message>
        <source>place</source>
        <translation>пункт</translation>
    </message>
    <message>
        <source>modern village (grey)</source>
        <translation>современный посёлок (серым)</translation>
    </message>
    <message>
        <source>Unit attacking (thin arrow)</source>
        <translation>Часть наступает (тонкая стрелка)</translation>
    </message>
    <message>
        <source>Unit withdrawing (thin dashed arrow)</source>
        <translation>Часть отходит (тонкая пунктирная стрелка)</translation>
    </message>
    <message>
        <source>destroyed (crossed out)</source>
        <translation>уничтожена (перечёркнута)</translation>
    </message>
    <message>
        <source>withdrawn from the fighting (faded, turning arrow)</source>
        <translation>выведена из боя (бледно, стрелка разворота)</translation>
    </message>
    <message>
        <source>last reported position (fate not recorded)</source>
        <translation>последнее известное место (судьба не записана)</translation>
    </message>
    <message>
        <source>† after a commander&apos;s name: killed this day</source>
        <translation>† после имени командира: погиб в этот день</translation>
    </message>
    <message>
        <source>moved aside; dot: true place</source>
        <translation>знак сдвинут; точка — истинное место</translation>
    </message>
    <message>
        <source>the unit selected</source>
        <translation>выбранная часть</translation>
    </message>
    <message>
        <source>≈ position less certain: may be more than {km} km off</source>
        <translation>≈ позиция менее точна: ошибка может превышать {km} км</translation>
    </message>
    <message>
        <source>Route of the last three days (chevrons point the way it went)</source>
        <translation>Путь за последние три дня (шевроны указывают, куда шла часть)</translation>
    </message>
</context>
<context>
    <name>Naming</name>
    <message>
        <source>Soviet/Mongolian names</source>
        <translation>Советские и монгольские названия</translation>
    </message>
    <message>
        <source>Japanese names</source>
        <translation>Японские названия</translation>
    </message>
    <message>
        <source>Khalkhin Gol</source>
        <translation>Халхин-Гол</translation>
    </message>
    <message>
        <source>Nomonhan</source>
        <translation>Номонхан</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>Disputed</source>
        <translation>Спорно</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>Не установлено</translation>
    </message>
    <message>
        <source>One side&apos;s claim</source>
        <translation>Данные одной стороны</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Сейчас:</translation>
    </message>
    <message>
        <source>≈ approximate: within about %1 km (inferred from a narrative)</source>
        <translation>≈ приблизительно: в пределах около %1 км (восстановлено по описанию)</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>Части:</translation>
    </message>
    <message>
        <source>Commander (rank in 1939):</source>
        <translation>Командир (звание в 1939 г.):</translation>
    </message>
    <message>
        <source>Commander:</source>
        <translation>Командир:</translation>
    </message>
    <message>
        <source>not confirmed in our sources</source>
        <translation>в наших источниках не подтверждён</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Численность:</translation>
    </message>
    <message>
        <source>as published</source>
        <translation>как опубликовано</translation>
    </message>
    <message>
        <source>shown at its last dated position (%1)</source>
        <translation>показана на последней датированной позиции (%1)</translation>
    </message>
    <message>
        <source>at a dated position</source>
        <translation>на датированной позиции</translation>
    </message>
    <message>
        <source>between dated positions (last: %1); shown interpolated</source>
        <translation>между датированными позициями (последняя: %1); показана промежуточная</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Позиция:</translation>
    </message>
    <message>
        <source>Sources of this position</source>
        <translation>Источники этой позиции</translation>
    </message>
    <message>
        <source>not on the map at this instant (no dated position).</source>
        <translation>в этот момент не на карте (нет датированной позиции).</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <source>Presenter view</source>
        <translation>Экран докладчика</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Шаг %1 из %2</translation>
    </message>
    <message>
        <source>Before the first step (%1 steps)</source>
        <translation>До первого шага (шагов: %1)</translation>
    </message>
    <message>
        <source>Now: %1 — %2</source>
        <translation>Сейчас: %1 — %2</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Далее: %1</translation>
    </message>
    <message>
        <source>Next: (end)</source>
        <translation>Далее: (конец)</translation>
    </message>
    <message>
        <source>Speaker notes</source>
        <translation>Заметки докладчика</translation>
    </message>
    <message>
        <source>(no speaker notes for this step)</source>
        <translation>(для этого шага заметок нет)</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Go to step %1</source>
        <translation>Перейти к шагу %1</translation>
    </message>
    <message>
        <source>%1   ·   elapsed %2</source>
        <translation>%1   ·   прошло %2</translation>
    </message>
    <message>
        <source>(paused)</source>
        <translation>(пауза)</translation>
    </message>
    <message>
        <source>Go to step %1 (Enter)</source>
        <translation>Перейти к шагу %1 (Enter)</translation>
    </message>
    <message>
        <source>There is no step %1 (1–%2)</source>
        <translation>Шага %1 нет (1–%2)</translation>
    </message>
    <message>
        <source>Press Escape again to end the talk</source>
        <translation>Нажмите Escape ещё раз, чтобы закончить доклад</translation>
    </message>
</context>
<context>
    <name>Sides</name>
    <message>
        <source>Soviet</source>
        <translation>СССР</translation>
    </message>
    <message>
        <source>Mongolian</source>
        <translation>МНР</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Япония</translation>
    </message>
    <message>
        <source>Manchukuo</source>
        <translation>Маньчжоу-Го</translation>
    </message>
</context>
<context>
    <name>Talk</name>
    <message>
        <source>Steps of the talk</source>
        <translation>Шаги доклада</translation>
    </message>
    <message>
        <source>Include the background chapter (1931–1939)</source>
        <translation>Включить главу о предыстории (1931–1939)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Default talk</source>
        <translation>Доклад по умолчанию</translation>
    </message>
    <message>
        <source>Tick the events to show; drag them into the order of the talk.</source>
        <translation>Отметьте события для показа и перетащите их в порядке доклада.</translation>
    </message>
    <message>
        <source>Tick at least one event.</source>
        <translation>Отметьте хотя бы одно событие.</translation>
    </message>
    <message>
        <source>The talk could not be saved: %1</source>
        <translation>Не удалось сохранить доклад: %1</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>infantry</source>
        <translation>пехота</translation>
    </message>
    <message>
        <source>armour</source>
        <translation>бронетанковые войска</translation>
    </message>
    <message>
        <source>cavalry</source>
        <translation>кавалерия</translation>
    </message>
    <message>
        <source>motorised infantry</source>
        <translation>мотопехота</translation>
    </message>
    <message>
        <source>artillery</source>
        <translation>артиллерия</translation>
    </message>
    <message>
        <source>headquarters</source>
        <translation>штаб</translation>
    </message>
    <message>
        <source>airborne</source>
        <translation>воздушно-десантные войска</translation>
    </message>
    <message>
        <source>air force</source>
        <translation>авиация</translation>
    </message>
    <message>
        <source>army group</source>
        <translation>армейская группа</translation>
    </message>
    <message>
        <source>army</source>
        <translation>армия</translation>
    </message>
    <message>
        <source>corps</source>
        <translation>корпус</translation>
    </message>
    <message>
        <source>division</source>
        <translation>дивизия</translation>
    </message>
    <message>
        <source>brigade</source>
        <translation>бригада</translation>
    </message>
    <message>
        <source>regiment</source>
        <translation>полк</translation>
    </message>
    <message>
        <source>battalion</source>
        <translation>батальон</translation>
    </message>
    <message>
        <source>detachment</source>
        <translation>отряд</translation>
    </message>
    <message>
        <source>moving</source>
        <translation>в движении</translation>
    </message>
    <message>
        <source>holding</source>
        <translation>в обороне</translation>
    </message>
    <message>
        <source>attacking</source>
        <translation>наступает</translation>
    </message>
    <message>
        <source>retreating</source>
        <translation>отходит</translation>
    </message>
    <message>
        <source>destroyed</source>
        <translation>уничтожена</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>выведена</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Who fought</source>
        <translation>Кто воевал</translation>
    </message>
    <message>
        <source>From May to September 1939 the Soviet Red Army and the army of the Mongolian People&apos;s Republic fought Japan&apos;s Kwantung Army and troops of Manchukuo, the state Japan had set up in Manchuria.</source>
        <translation>С мая по сентябрь 1939 года советская Красная армия и армия Монгольской Народной Республики сражались с японской Квантунской армией и войсками Маньчжоу-го — государства, созданного Японией в Маньчжурии.</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <source>On the steppe along the Khalkhin Gol river, in what is eastern Mongolia today. Mongolia put the border about 16 km east of the river, through Nomonhan; Manchukuo and Japan put it on the river. The map shows that disputed ground in yellow.</source>
        <translation>В степи вдоль реки Халхин-Гол, на территории нынешней восточной Монголии. Монголия проводила границу примерно в 16 км восточнее реки, через Номонхан; Маньчжоу-го и Япония — по реке. На карте эта спорная полоса показана жёлтым.</translation>
    </message>
    <message>
        <source>Why it mattered</source>
        <translation>Почему это важно</translation>
    </message>
    <message>
        <source>In late August a Soviet–Mongolian offensive under Komkor Georgy Zhukov encircled the Japanese 23rd Division and wrecked it. A ceasefire agreed in Moscow took effect on 16 September 1939, two weeks after the Second World War began in Europe, and left the line where the Soviet and Mongolian troops stood.</source>
        <translation>В конце августа советско-монгольское наступление под командованием комкора Георгия Жукова окружило и разгромило японскую 23-ю дивизию. Перемирие, согласованное в Москве, вступило в силу 16 сентября 1939 года, через две недели после начала Второй мировой войны в Европе, и оставило линию там, где стояли советские и монгольские войска.</translation>
    </message>
    <message>
        <source>How to use this map</source>
        <translation>Как пользоваться картой</translation>
    </message>
    <message>
        <source>Press Space to play, or → and ← to step from event to event; drag the timeline to go anywhere. Click a unit or a place to read about it. The map follows each event: drag or zoom to look around, and press F (Follow the story) to let it lead again. The legend explains every mark.</source>
        <translation>Пробел — воспроизведение, → и ← — переход от события к событию; перетащите шкалу времени, чтобы попасть в любой день. Щёлкните по части или месту, чтобы прочитать о них. Карта следует за каждым событием: перетащите или увеличьте её, чтобы осмотреться, и нажмите F («Следовать за рассказом»), чтобы она снова вела вас. Легенда объясняет каждый знак.</translation>
    </message>
    <message>
        <source>Take the tour</source>
        <translation>Пройти экскурсию</translation>
    </message>
    <message>
        <source>Explore on my own</source>
        <translation>Осмотреться самому</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Disputed ground</source>
        <translation>Спорная территория</translation>
    </message>
    <message>
        <source>Border claims</source>
        <translation>Линии границ по версиям сторон</translation>
    </message>
    <message>
        <source>Modern border</source>
        <translation>Современная граница</translation>
    </message>
    <message>
        <source>Fronts and ground held</source>
        <translation>Фронты и удерживаемая территория</translation>
    </message>
    <message>
        <source>Manoeuvres (arrows)</source>
        <translation>Манёвры (стрелки)</translation>
    </message>
    <message>
        <source>Uncertainty of positions</source>
        <translation>Погрешность позиций</translation>
    </message>
    <message>
        <source>Trails</source>
        <translation>Следы движения</translation>
    </message>
    <message>
        <source>Regional inset</source>
        <translation>Обзорная карта региона</translation>
    </message>
    <message>
        <source>Introduction and guided tour</source>
        <translation>Введение и экскурсия</translation>
    </message>
    <message>
        <source>1 hour/s</source>
        <translation>1 час/с</translation>
    </message>
    <message>
        <source>6 hours/s</source>
        <translation>6 часов/с</translation>
    </message>
    <message>
        <source>1 day/s</source>
        <translation>1 день/с</translation>
    </message>
    <message>
        <source>1 week/s</source>
        <translation>1 неделя/с</translation>
    </message>
    <message>
        <source>Picture (PNG, 3840×2160)…</source>
        <translation>Изображение (PNG, 3840×2160)…</translation>
    </message>
    <message>
        <source>Vector picture (SVG)…</source>
        <translation>Векторное изображение (SVG)…</translation>
    </message>
    <message>
        <source>Handout (PDF, A4)…</source>
        <translation>Раздаточный материал (PDF, A4)…</translation>
    </message>
    <message>
        <source>Slides (PowerPoint, one per step)…</source>
        <translation>Слайды (PowerPoint, по одному на шаг)…</translation>
    </message>
    <message>
        <source>Video of the next 10 days (MP4)…</source>
        <translation>Видео следующих 10 дней (MP4)…</translation>
    </message>
    <message>
        <source>Animated GIF of the next 3 days…</source>
        <translation>Анимация GIF следующих 3 дней…</translation>
    </message>
    <message>
        <source>Layers, export, keyboard shortcuts, about</source>
        <translation>Слои, экспорт, клавиши, о программе</translation>
    </message>
    <message>
        <source>Widen the timeline to the background and aftermath</source>
        <translation>Расширить шкалу: предыстория и последствия</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Всё поле</translation>
    </message>
    <message>
        <source>Follow the story</source>
        <translation>Следовать за рассказом</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>A name changes only where a source gives the other side&apos;s form.</source>
        <translation>Название меняется, только если источник приводит вариант другой стороны.</translation>
    </message>
    <message>
        <source>Chapters…</source>
        <translation>Главы…</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Слои</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>About, sources and licences</source>
        <translation>О программе, источники и лицензии</translation>
    </message>
    <message>
        <source>Press Space to play, or → to step to the first event.</source>
        <translation>Нажмите Пробел для воспроизведения или →, чтобы перейти к первому событию.</translation>
    </message>
    <message>
        <source>An export is still running; wait for it or cancel it first.</source>
        <translation>Экспорт ещё идёт; дождитесь его или сначала отмените.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Экспорт отменён; ничего не записано.</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Export failed; nothing was written: %1</source>
        <translation>Экспорт не удался; ничего не записано: %1</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>About</source>
        <translation>О программе</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Легенда</translation>
    </message>
    <message>
        <source>The tour steps through the story on its own; press any key or click to stop it.</source>
        <translation>Экскурсия сама идёт по рассказу; нажмите любую клавишу или щёлкните, чтобы остановить её.</translation>
    </message>
</context>
</TS>
